using MedMassage.ClinicalNotes.Api.Infrastructure;
using MedMassage.Testing;

namespace MedMassage.ClinicalNotes.Api.Tests.Support;

/// <summary>
/// The clinical-notes service on the real servers. Callers carry access tokens shaped like the identity service's
/// (see <see cref="TestTokens"/>) and, unless told otherwise, call from one workstation: the audit trail records it.
/// </summary>
internal sealed class ClinicalNotesService : ServiceFactory<Program>
{
    public ClinicalNotesService(InfrastructureFixture infrastructure)
        : base(infrastructure, "clinicalnotesdb", "clinical-notes-api") => ClientAddress = "10.20.30.40";

    /// <summary>A unit of work on the service's own database, to check what is (not) stored.</summary>
    public Task<T> QueryAsync<T>(Func<ClinicalNotesDbContext, Task<T>> query) => InScopeAsync(query);
}
