var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAntiforgery();

app.MapAccountApi();
app.MapConnectApi();
app.MapSmartConfigurationApi();

app.Run();
