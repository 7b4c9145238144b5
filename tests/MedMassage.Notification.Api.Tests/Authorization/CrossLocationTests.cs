using System.Net;
using System.Net.Http.Json;
using MedMassage.Notification.Api.Apis.Contracts;
using MedMassage.Notification.Api.Tests.Support;
using MedMassage.Testing;

namespace MedMassage.Notification.Api.Tests.Authorization;

/// <summary>Staff of clinic A see nothing of clinic B: left out of lists, 404 for single records, and no changes.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class CrossLocationTests(InfrastructureFixture infrastructure, TwoClinics clinics) : IClassFixture<TwoClinics>
{
    [Fact]
    public async Task A_therapist_reads_and_marks_the_alerts_of_their_location_only()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var therapist = world.Service.CreateClientAs(TestCaller.Therapist(world.A.Location));

        Assert.Equal(new[] { world.A.Alert, world.A.FailureAlert }.Order(), (await therapist.InboxAsync(world.A.StaffInbox)).Select(i => i.Id).Order());
        Assert.Empty(await therapist.InboxAsync(world.B.StaffInbox));
        Assert.Empty(await therapist.InboxAsync("staff"));
        Assert.Empty(await therapist.InboxAsync($"patient:{world.A.Patient}"));
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.PostAsync($"{Route.Prefix}/inbox/{world.B.StaffInbox}/{world.B.Alert}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await therapist.PostAsync($"{Route.Prefix}/inbox/{world.A.StaffInbox}/{world.B.Alert}/read", null)).StatusCode);

        using var adminOfB = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.B.Location));
        Assert.Null((await adminOfB.InboxAsync(world.B.StaffInbox)).Single(i => i.Id == world.B.Alert).ReadAt);
    }

    [Fact]
    public async Task Chain_wide_alerts_are_for_clinic_admins_only()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var admin = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.A.Location));
        using var frontDesk = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location, world.B.Location));

        Assert.Equal([world.ChainWideAlert], (await admin.InboxAsync("staff")).Select(i => i.Id));
        Assert.Empty(await frontDesk.InboxAsync("staff"));
        Assert.Equal(HttpStatusCode.NotFound, (await frontDesk.PostAsync($"{Route.Prefix}/inbox/staff/{world.ChainWideAlert}/read", null)).StatusCode);
    }

    [Fact]
    public async Task A_clinic_admins_delivery_log_holds_their_locations_and_chain_wide_messages_only()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var admin = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.A.Location));

        var listed = (await admin.MessagesAsync("limit=500")).Select(m => m.Id);

        Assert.Equal(new[] { world.A.EmailMessage, world.A.SmsMessage, world.A.Alert, world.A.FailureAlert, world.ChainWideAlert }.Order(), listed.Order());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Route.Prefix}/messages/{world.B.EmailMessage}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Route.Prefix}/messages/{world.B.Alert}")).StatusCode);
        var sms = await admin.GetFromJsonAsync<List<SmsSinkEntry>>($"{Route.Prefix}/dev/sms");
        Assert.Equal([world.A.SmsMessage.ToString()], sms!.Select(s => s.Reference));
    }

    [Fact]
    public async Task The_front_desk_keeps_preferences_of_their_locations_patients_only()
    {
        var world = await clinics.StartAsync(infrastructure);
        using var frontDesk = world.Service.CreateClientAs(TestCaller.FrontDesk(world.A.Location));
        var change = new PreferencesRequest("sms", "es", RemindersOptedOut: true, ClinicalOptedOut: false, "21:00", "08:00");

        Assert.Equal(HttpStatusCode.NotFound, (await frontDesk.GetAsync($"{Route.Prefix}/preferences/{world.B.Patient}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await frontDesk.PutAsJsonAsync($"{Route.Prefix}/preferences/{world.B.Patient}", change)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await frontDesk.PutAsJsonAsync($"{Route.Prefix}/preferences/{world.A.Patient}", change)).StatusCode);
        // A patient no event has placed at any location yet (preferences taken at intake) is open to the front desk.
        Assert.Equal(HttpStatusCode.OK, (await frontDesk.PutAsJsonAsync($"{Route.Prefix}/preferences/{Guid.NewGuid()}", change)).StatusCode);

        using var adminOfB = world.Service.CreateClientAs(TestCaller.ClinicAdmin(world.B.Location));
        var b = await adminOfB.GetFromJsonAsync<PreferencesResponse>($"{Route.Prefix}/preferences/{world.B.Patient}");
        Assert.Equal(("email", "en", false, null), (b!.Channel, b.Language, b.RemindersOptedOut, b.QuietHoursStart));
        var a = await frontDesk.GetFromJsonAsync<PreferencesResponse>($"{Route.Prefix}/preferences/{world.A.Patient}");
        Assert.Equal(("sms", "es", true, "21:00"), (a!.Channel, a.Language, a.RemindersOptedOut, a.QuietHoursStart));
    }
}
