using System.Reflection;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using NetArchTest.Rules;

namespace MedMassage.Architecture.Tests;

/// <summary>
/// What every service's layout promises, checked on its compiled code: the domain model stands on its own, services
/// know each other only through the contracts, and routes are declared in one place.
/// </summary>
public sealed class LayoutRules
{
    private static readonly string[] Services = ["MedMassage.Referral.Api", "MedMassage.Scheduling.Api", "MedMassage.ClinicalNotes.Api", "MedMassage.Notification.Api", "MedMassage.Identity.Api"];

    public static TheoryData<string> EachService => [.. Services];

    [Theory]
    [MemberData(nameof(EachService))]
    public void Domain_code_depends_on_no_web_database_or_messaging_framework(string service)
    {
        var domain = Types.InAssembly(Assembly.Load(service)).That().ResideInNamespaceContaining(".Domain");
        Assert.NotEmpty(domain.GetTypes()); // the rule below judges something

        var result = domain.ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.EntityFrameworkCore", "MassTransit", "Npgsql", "StackExchange.Redis")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{service}'s domain depends on a framework: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void A_service_references_no_other_service(string service)
    {
        var referenced = Assembly.Load(service).GetReferencedAssemblies().Select(a => a.Name);

        Assert.Empty(referenced.Intersect(Services.Except([service])));
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Only_the_APIs_map_routes(string service)
    {
        var mapping = Types.InAssembly(Assembly.Load(service))
            .That().HaveDependencyOnAny("Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions", "Microsoft.AspNetCore.Routing.RouteGroupBuilder")
            .And().DoNotHaveName("Program");
        Assert.NotEmpty(mapping.GetTypes());

        var result = mapping.Should().ResideInNamespaceContaining(".Apis").GetResult();

        Assert.True(result.IsSuccessful, $"{service} maps routes outside Apis/: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(EachService))]
    public void Integration_event_handlers_live_in_IntegrationEvents(string service)
    {
        var result = Types.InAssembly(Assembly.Load(service))
            .That().ImplementInterface(typeof(MassTransit.IConsumer<>)).Or().HaveNameEndingWith("Consumer")
            .Should().ResideInNamespaceContaining(".IntegrationEvents")
            .GetResult();

        Assert.True(result.IsSuccessful, $"{service} handles events outside IntegrationEvents/: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [InlineData("MedMassage.Scheduling.Api")]
    [InlineData("MedMassage.ClinicalNotes.Api")]
    [InlineData("MedMassage.Notification.Api")]
    public void A_copy_of_the_referral_is_a_ReferralCopy_in_Domain_Referrals(string service)
    {
        var copies = Types.InAssembly(Assembly.Load(service)).That().Inherit(typeof(MedMassage.Contracts.Referrals.ReferralCopy)).GetTypes().ToList();
        var keepingState = Types.InAssembly(Assembly.Load(service)).That().ResideInNamespaceContaining(".Domain")
            .And().HaveDependencyOn("MedMassage.Contracts.Referrals.ReferralState").And().AreClasses().GetTypes()
            .Where(t => t.GetMethods().Any(m => m.Name == "Apply" && m.GetParameters().FirstOrDefault()?.ParameterType == typeof(MedMassage.Contracts.Referrals.ReferralState)));

        var copy = Assert.Single(copies);
        Assert.EndsWith(".Domain.Referrals", copy.Namespace);
        Assert.NotEqual("Referral", copy.Name); // the owner's name is the referral service's alone
        Assert.Empty(keepingState.Except(copies).Select(t => t.FullName)); // no second copy beside it
    }

    [Theory]
    [InlineData("MedMassage.Referral.Api")]
    [InlineData("MedMassage.Scheduling.Api")]
    [InlineData("MedMassage.ClinicalNotes.Api")]
    [InlineData("MedMassage.Notification.Api")]
    public void Every_event_handler_is_on_the_list_of_subscriptions(string service)
    {
        var assembly = Assembly.Load(service);
        var list = assembly.GetType($"{service}.IntegrationEvents.EventSubscriptions")?.GetMethod("AddEventSubscriptions");
        Assert.NotNull(list); // every service that consumes events keeps its subscriptions in one place
        var services = new ServiceCollection();
        services.AddMassTransit(bus => list.Invoke(null, [bus]));

        var subscribed = services.Select(d => d.ServiceType).Where(IsHandler).Distinct().Select(t => t.Name).Order();
        var defined = assembly.GetTypes().Where(IsHandler).Select(t => t.Name).Order();

        Assert.Equal(defined, subscribed);
    }

    private static bool IsHandler(Type t) =>
        t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false } && typeof(MassTransit.IConsumer).IsAssignableFrom(t);
}
