namespace MedMassage.Referral.Api.Domain;

/// <summary>The fixed lists a referral's fields take their values from; validation refuses anything else and lists these.</summary>
public static class ReferralVocabulary
{
    public static readonly string[] Sexes = ["female", "male", "other", "unknown"];
    public static readonly string[] Channels = ["email", "sms", "phone"];
    public static readonly string[] Priorities = ["routine", "urgent"];
}
