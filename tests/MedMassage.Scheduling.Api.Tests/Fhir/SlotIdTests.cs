using MedMassage.Scheduling.Api.Apis.Fhir;

namespace MedMassage.Scheduling.Api.Tests.Fhir;

/// <summary>A Slot's id carries its key within FHIR's 64 characters, and only our ids read back.</summary>
public sealed class SlotIdTests
{
    private static readonly string[] Types = ["evaluation", "treatment-30", "treatment-45", "treatment-60", "re-evaluation"];

    [Fact]
    public void A_slot_id_is_a_valid_FHIR_id_that_reads_back_as_its_key()
    {
        foreach (var type in Types)
        {
            var key = new SlotKey(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2027, 1, 4, 14, 30, 0, TimeSpan.Zero), type);
            var id = SlotIds.For(key);
            Assert.Matches("^[A-Za-z0-9\\-\\.]{1,64}$", id);
            Assert.Equal(key, SlotIds.Parse(id, Types));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF-abcde")]
    public void Anything_else_is_not_a_slot(string id) => Assert.Null(SlotIds.Parse(id, Types));

    [Fact]
    public void A_slot_of_a_type_that_no_longer_exists_is_not_found()
    {
        var id = SlotIds.For(new SlotKey(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow, "massage-90"));
        Assert.Null(SlotIds.Parse(id, Types));
    }
}
