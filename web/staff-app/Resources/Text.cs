namespace MedMassage.StaffApp.Resources;

/// <summary>
/// The app's texts. Keys are the English wording, so English needs no file of its own; Text.es.resx translates them.
/// A key missing from a translation shows in English rather than as a blank.
/// </summary>
public sealed class Text;
