using MedMassage.ClinicalNotes.Api.Domain.Common;

namespace MedMassage.ClinicalNotes.Api.Domain.Notes;

/// <summary>A correction or late entry attached to a signed note; append-only like the note itself.</summary>
public sealed class Addendum
{
    private Addendum() { }

    public Guid Id { get; private set; }
    public Guid NoteId { get; private set; }
    public string Author { get; private set; } = "";
    public DateTimeOffset WrittenAt { get; private set; }
    public string Reason { get; private set; } = "";
    public string Text { get; private set; } = "";

    public static Addendum To(VisitNote note, string author, string? reason, string? text, DateTimeOffset now)
    {
        new FieldErrors()
            .When(string.IsNullOrWhiteSpace(reason), "reason", "An addendum gives its reason.")
            .When(string.IsNullOrWhiteSpace(text), "text", "The addendum text is required.")
            .ThrowIfAny();
        if (!note.IsSigned)
        {
            throw new RuleViolation("addendum-of-unsigned", "An unsigned note is edited directly; addenda correct signed notes.");
        }
        return new Addendum { Id = Guid.CreateVersion7(now), NoteId = note.Id, Author = author, WrittenAt = now, Reason = reason!.Trim(), Text = text!.Trim() };
    }
}
