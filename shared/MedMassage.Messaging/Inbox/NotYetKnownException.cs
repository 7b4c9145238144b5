namespace MedMassage.Messaging.Inbox;

/// <summary>
/// The one rule for an event about something this service has not heard of yet (a plan for a referral whose state
/// is still on its way): throw this, so the message is retried with back-off and applies once the other event has
/// landed; if it never does, the message ends in the error queue, where ops see it. It is never dropped silently.
/// </summary>
public sealed class NotYetKnownException(string what, Guid id)
    : Exception($"{what} {id} is not known here yet; the event that introduces it has not arrived.")
{
    public static T Require<T>(T? known, string what, Guid id) where T : class => known ?? throw new NotYetKnownException(what, id);
}
