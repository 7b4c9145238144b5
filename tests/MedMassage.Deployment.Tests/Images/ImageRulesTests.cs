namespace MedMassage.Deployment.Tests.Images;

/// <summary>The image checks refuse what they are there to refuse: each crafted archive is wrong in one way.</summary>
public class ImageRulesTests
{
    private static List<string> AllProblems(ImageArchive image) =>
    [
        .. ImageRules.RunsAsNonRoot(image), .. ImageRules.RunsAssembly(image, "Demo"),
        .. ImageRules.ExposesOnlyTheServicePort(image), .. ImageRules.HasLabels(image), .. ImageRules.LayersAreIntact(image),
    ];

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    [InlineData(true, true)]
    public void A_well_made_image_passes_every_check_as_an_OCI_layout_or_a_docker_save_gzipped_or_not(bool dockerSave, bool gzipped)
    {
        var image = new CraftedImage { DockerSave = dockerSave, Gzipped = gzipped }.Read();

        Assert.Empty(AllProblems(image));
        Assert.Contains("app/Demo.dll", image.Layers[0].Paths);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("root")]
    [InlineData("0:1654")]
    [InlineData("app")]
    public void An_image_that_runs_as_root_or_as_a_user_name_is_refused(string user)
    {
        var image = new CraftedImage { User = user }.Read();

        Assert.Single(ImageRules.RunsAsNonRoot(image));
    }

    [Fact]
    public void An_image_whose_command_runs_another_assembly_is_refused()
    {
        var image = new CraftedImage { Entrypoint = ["dotnet", "/app/Other.dll"] }.Read();

        Assert.Single(ImageRules.RunsAssembly(image, "Demo"));
        Assert.NotEmpty(ImageRules.RunsAssembly(image, "Other")); // named, but not in any layer
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_image_whose_stored_layer_is_not_the_one_listed_is_refused(bool dockerSave)
    {
        var image = new CraftedImage { TamperedLayer = true, DockerSave = dockerSave }.Read();

        Assert.NotEmpty(ImageRules.LayersAreIntact(image));
    }

    [Fact]
    public void An_image_whose_layer_is_missing_from_the_archive_is_refused()
    {
        var image = new CraftedImage { LayerLeftOut = true }.Read();

        Assert.Contains(ImageRules.LayersAreIntact(image), p => p.Contains("is not in the archive", StringComparison.Ordinal));
    }
}
