var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapClinicalNotesApi();
app.MapClinicalNotesFhirApi();

app.Run();
