using MedMassage.ClinicalNotes.Api.Domain.Common;
using MedMassage.ClinicalNotes.Api.Domain.Outcomes;

namespace MedMassage.ClinicalNotes.Api.Tests.Domain;

public sealed class OutcomeScoringTests
{
    private static int?[] Answers(params int?[] answers) => answers;

    [Theory]
    [InlineData(OutcomeMeasure.NeckDisabilityIndex)]
    [InlineData(OutcomeMeasure.Oswestry)]
    public void Ten_section_indexes_are_the_percentage_of_the_maximum(OutcomeMeasure measure)
    {
        Assert.Equal(0m, OutcomeScoring.Score(measure, Answers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)));
        Assert.Equal(100m, OutcomeScoring.Score(measure, Answers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)));
        // 2+3+1+4+2+3+2+1+0+2 = 20 of 50
        Assert.Equal(40m, OutcomeScoring.Score(measure, Answers(2, 3, 1, 4, 2, 3, 2, 1, 0, 2)));
    }

    [Theory]
    [InlineData(OutcomeMeasure.NeckDisabilityIndex)]
    [InlineData(OutcomeMeasure.Oswestry)]
    public void One_unanswered_section_is_left_out_of_the_maximum(OutcomeMeasure measure) =>
        // 18 of 45 = 40 %, not 18 of 50 = 36 %
        Assert.Equal(40m, OutcomeScoring.Score(measure, Answers(2, 2, 2, 2, 2, 2, 2, 2, 2, null)));

    [Theory]
    [InlineData(OutcomeMeasure.NeckDisabilityIndex)]
    [InlineData(OutcomeMeasure.Oswestry)]
    public void Two_unanswered_sections_cannot_be_scored(OutcomeMeasure measure)
    {
        var error = Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(measure, Answers(2, 2, 2, 2, 2, 2, 2, 2, null, null)));
        Assert.Contains("answers", error.Errors.Keys);
    }

    [Fact]
    public void The_neck_disability_index_rounds_to_one_decimal() =>
        // 17 of 45 = 37.777…
        Assert.Equal(37.8m, OutcomeScoring.Score(OutcomeMeasure.NeckDisabilityIndex, Answers(2, 2, 2, 2, 2, 2, 2, 2, 1, null)));

    [Fact]
    public void An_answer_out_of_range_is_named_by_its_position()
    {
        var error = Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.Oswestry, Answers(0, 0, 6, 0, 0, 0, 0, 0, 0, -1)));
        Assert.Contains("answers[2]", error.Errors.Keys);
        Assert.Contains("answers[9]", error.Errors.Keys);
    }

    [Fact]
    public void QuickDash_is_the_mean_answer_less_one_times_25()
    {
        Assert.Equal(0m, OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)));
        Assert.Equal(100m, OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5)));
        // sum 25 over 11 items: (25/11 - 1) x 25 = 31.818…
        Assert.Equal(31.8m, OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(2, 3, 1, 4, 2, 3, 2, 1, 3, 2, 2)));
        // one missing item: sum 20 over 10 answered: (2 - 1) x 25
        Assert.Equal(25m, OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(2, 2, 2, 2, 2, 2, 2, 2, 2, 2, null)));
    }

    [Fact]
    public void QuickDash_with_two_items_missing_or_a_zero_answer_is_invalid()
    {
        Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(2, 2, 2, 2, 2, 2, 2, 2, 2, null, null)));
        var error = Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.QuickDash, Answers(0, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2)));
        Assert.Contains("answers[0]", error.Errors.Keys);
    }

    [Fact]
    public void The_patient_specific_functional_scale_is_the_mean_activity_rating()
    {
        Assert.Equal(5m, OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(3, 5, 7)));
        Assert.Equal(4.3m, OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(2, 4, 5, 6)));
        Assert.Equal(10m, OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(10, 10, 10, 10, 10)));
    }

    [Fact]
    public void The_patient_specific_functional_scale_needs_three_to_five_rated_activities()
    {
        Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(3, 5)));
        Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(3, 5, 5, 5, 5, 5)));
        Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(3, 5, 11)));
        Assert.Throws<InvalidClinicalData>(() => OutcomeScoring.Score(OutcomeMeasure.PatientSpecificFunctionalScale, Answers(3, 5, null)));
    }

    [Fact]
    public void Improvement_means_lower_disability_scores_and_higher_function_ratings()
    {
        Assert.True(OutcomeMetric.ForMeasure(OutcomeMeasure.Oswestry).Reaches(18m, 20m));
        Assert.False(OutcomeMetric.ForMeasure(OutcomeMeasure.NeckDisabilityIndex).Reaches(22m, 20m));
        Assert.True(OutcomeMetric.ForMeasure(OutcomeMeasure.PatientSpecificFunctionalScale).Reaches(8m, 7m));
        Assert.True(OutcomeMetric.ForRangeOfMotion("Cervical", "Rotation").Reaches(70m, 70m));
        Assert.False(OutcomeMetric.ForPain().Reaches(4m, 3m));
    }
}
