namespace MedMassage.Referral.Api.Domain;

/// <summary>A request the referral's current state does not allow (an illegal transition); the message says why.</summary>
public sealed class ReferralRuleViolation(string message) : Exception(message);
