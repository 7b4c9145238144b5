var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddGateway();

var app = builder.Build();

app.UseEdgeProtection();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapFhirEndpoints();
app.MapGatewayProxy();

app.Run();
