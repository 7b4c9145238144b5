using System.Text.RegularExpressions;

namespace MedMassage.Testing;

/// <summary>A message the development SMTP server kept, as the file it wrote (when it arrived is the file's time).</summary>
public sealed partial record MailMessage(string Text, DateTime ReceivedAt)
{
    public bool Is(string recipient, string subject) =>
        Text.Contains(recipient, StringComparison.Ordinal) && Text.Contains(subject, StringComparison.Ordinal);

    public string MessageId => MessageIdHeader().Match(Text).Groups[1].Value;

    /// <summary>
    /// Distinct messages by their Message-ID: SMTP cannot be part of our transaction, so an e-mail the server took just
    /// before notification was killed goes again after the restart as the same message (same Message-ID), which mail
    /// systems recognise as one; a second message would have a second Message-ID.
    /// </summary>
    public static int CountDistinct(IEnumerable<MailMessage> mails, string recipient, string subject) =>
        mails.Where(m => m.Is(recipient, subject)).Select(m => m.MessageId).Distinct().Count();

    [GeneratedRegex(@"^Message-ID:\s*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex MessageIdHeader();
}
