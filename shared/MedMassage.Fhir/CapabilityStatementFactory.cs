using Hl7.Fhir.Model;
using static Hl7.Fhir.Model.CapabilityStatement;

namespace MedMassage.Fhir;

/// <summary><c>/fhir/metadata</c>: exactly what <see cref="FhirCatalogue"/> offers, with SMART's OAuth endpoints.</summary>
public static class CapabilityStatementFactory
{
    public static CapabilityStatement Create(string fhirBase, string tokenUrl, string authorizeUrl, DateTimeOffset date)
    {
        var security = new SecurityComponent
        {
            Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR")],
            Description = "OAuth2 client credentials with a signed client assertion (SMART Backend Services); system/{Type}.read and .write scopes.",
        };
        var oauth = new Extension { Url = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris" };
        oauth.Extension.Add(new Extension("token", new FhirUri(tokenUrl)));
        oauth.Extension.Add(new Extension("authorize", new FhirUri(authorizeUrl)));
        security.Extension.Add(oauth);

        var rest = new RestComponent { Mode = RestfulCapabilityMode.Server, Security = security };
        foreach (var type in FhirCatalogue.Types)
        {
            rest.Resource.Add(Resource(type));
        }
        return new CapabilityStatement
        {
            Id = "medmassage",
            Url = fhirBase + "metadata",
            Name = "MedMassage",
            Title = "MedMassage FHIR R4 endpoint",
            Status = PublicationStatus.Active,
            Date = date.ToString("yyyy-MM-dd"),
            Publisher = "MedMassage",
            Kind = CapabilityStatementKind.Instance,
            Software = new SoftwareComponent { Name = "MedMassage" },
            Implementation = new ImplementationComponent { Description = "MedMassage medical massage referrals, scheduling and outcomes", Url = fhirBase },
            FhirVersion = FHIRVersion.N4_0_1,
            Format = ["json"],
            Rest = [rest],
        };
    }

    private static ResourceComponent Resource(FhirResourceType type)
    {
        var resource = new ResourceComponent
        {
            Type = type.Name,
            Versioning = ResourceVersionPolicy.Versioned,
            ReadHistory = false,
            UpdateCreate = false,
            ConditionalCreate = type.ConditionalCreateOn is not null,
            ConditionalUpdate = false,
            ConditionalDelete = ConditionalDeleteStatus.NotSupported,
        };
        resource.Interaction.Add(new ResourceInteractionComponent { Code = TypeRestfulInteraction.Read });
        resource.Interaction.Add(new ResourceInteractionComponent { Code = TypeRestfulInteraction.SearchType });
        if (type.Create)
        {
            resource.Interaction.Add(new ResourceInteractionComponent { Code = TypeRestfulInteraction.Create });
        }
        if (type.Update)
        {
            resource.Interaction.Add(new ResourceInteractionComponent { Code = TypeRestfulInteraction.Update });
        }
        foreach (var parameter in type.SearchParameters)
        {
            resource.SearchParam.Add(new CapabilityStatement.SearchParamComponent
            {
                Name = parameter.Name,
                Type = parameter.Type,
                Documentation = parameter.Documentation,
                Definition = Definition(type.Name, parameter.Name),
            });
        }
        return resource;
    }

    // The base specification's definitions; based-on on Slot is ours (free slots for one referral).
    private static string Definition(string type, string parameter) => parameter switch
    {
        "_count" => "http://hl7.org/fhir/SearchParameter/Resource-count",
        "_id" => "http://hl7.org/fhir/SearchParameter/Resource-id",
        "_lastUpdated" => "http://hl7.org/fhir/SearchParameter/Resource-lastUpdated",
        "based-on" when type == "Slot" => "https://medmassage.example/fhir/SearchParameter/Slot-based-on",
        "patient" when type is "ServiceRequest" or "Appointment" or "Observation" or "CarePlan" or "DocumentReference" or "Communication"
            => "http://hl7.org/fhir/SearchParameter/clinical-patient",
        "date" when type is "Observation" or "DocumentReference" => "http://hl7.org/fhir/SearchParameter/clinical-date",
        "identifier" when type == "Patient" => "http://hl7.org/fhir/SearchParameter/Patient-identifier",
        "identifier" => "http://hl7.org/fhir/SearchParameter/clinical-identifier",
        "code" => "http://hl7.org/fhir/SearchParameter/clinical-code",
        "type" when type == "DocumentReference" => "http://hl7.org/fhir/SearchParameter/clinical-type",
        "family" => "http://hl7.org/fhir/SearchParameter/individual-family",
        "birthdate" => "http://hl7.org/fhir/SearchParameter/individual-birthdate",
        _ => $"http://hl7.org/fhir/SearchParameter/{type}-{parameter}",
    };
}
