namespace MedMassage.Notification.Api.Domain.Templates;

/// <summary>
/// A message's wording in one language, with <c>{name}</c> placeholders. <see cref="Short"/> is the SMS text.
/// Bodies carry no clinical detail beyond what the recipient needs (PHI minimum): first names, a referral
/// reference, and a secure link for anything clinical.
/// </summary>
public sealed record Template(string Subject, string Body, string Short);

public sealed record RenderedMessage(string Language, string Subject, string Body, string Short);
