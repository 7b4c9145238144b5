namespace MedMassage.StaffApp.Session;

/// <summary>The person's sign-in has ended (signed out, deactivated, expired): the page sends them to sign in again.</summary>
public sealed class SessionEndedException() : Exception("The sign-in session has ended.");
