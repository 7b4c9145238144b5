var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.UseAntiforgery();

app.MapAccountApi();
app.MapInvitationPage();
app.MapStaffAccountsApi();
app.MapIntegrationClientsApi();
app.MapConnectApi();
app.MapSmartConfigurationApi();

app.Run();
