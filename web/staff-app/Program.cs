using MedMassage.StaffApp.Components;
using MedMassage.StaffApp.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

// Served by the gateway under /staff; the same path when reached directly, so every link works either way.
app.UsePathBase(StaffAppOptions.PathBase);
app.UseRouting(); // after the path base, so routes match the path without it
app.MapDefaultEndpoints();
app.UseRequestLocalization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapSignInEndpoints();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

app.Run();
