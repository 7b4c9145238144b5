namespace MedMassage.Deployment.Tests.Manifests;

/// <summary>
/// deploy/k8s passes deploy/check, and the check fails where it should: each test breaks one thing in a copy of the
/// manifests and expects it named, with its file, in the check's output.
/// </summary>
public sealed class ManifestCheckTests
{
    [Fact]
    public async Task The_manifests_pass_the_schema_and_cross_checks()
    {
        var result = await ManifestChecker.CheckAsync(ManifestChecker.ManifestDirectory);

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("no errors", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public Task An_unknown_field_is_reported() =>
        AssertReportedAsync("referral-api.yaml", "  revisionHistoryLimit: 5\n", "  revisionHistoryLimit: 5\n  replicaz: 2\n",
            "Deployment/referral-api: spec.replicaz: unknown field");

    [Fact]
    public Task An_unknown_field_deep_in_a_pod_is_reported() =>
        AssertReportedAsync("notification-api.yaml", "              containerPort: 8080\n", "              containerPort: 8080\n              hostPot: 8080\n",
            "spec.template.spec.containers[0].ports[0].hostPot: unknown field");

    [Fact]
    public Task A_value_of_the_wrong_type_is_reported() =>
        AssertReportedAsync("gateway.yaml", "maxReplicas: 6", "maxReplicas: six",
            "HorizontalPodAutoscaler/gateway: spec.maxReplicas: must be integer");

    [Fact]
    public Task An_unknown_kind_is_reported() =>
        AssertReportedAsync("staff-app.yaml", "kind: PodDisruptionBudget", "kind: PodDisruptionBuget",
            "unknown kind PodDisruptionBuget in policy/v1");

    [Fact]
    public Task A_Service_that_selects_no_pod_is_reported() =>
        AssertReportedAsync("scheduling-api.yaml", "spec:\n  selector:\n    app.kubernetes.io/name: scheduling-api\n",
            "spec:\n  selector:\n    app.kubernetes.io/name: schedulng-api\n",
            "Service/scheduling-api: selects no pod (app.kubernetes.io/name=schedulng-api)");

    [Fact]
    public Task A_probe_on_an_undeclared_port_is_reported() =>
        AssertReportedAsync("identity-api.yaml", "readinessProbe:\n            httpGet:\n              path: /health\n              port: http\n",
            "readinessProbe:\n            httpGet:\n              path: /health\n              port: 9090\n",
            "Deployment/identity-api: readinessProbe port 9090 is not a declared containerPort");

    [Fact]
    public Task A_Service_sending_to_an_undeclared_port_is_reported() =>
        AssertReportedAsync("clinical-notes-api.yaml", "      targetPort: http\n", "      targetPort: web\n",
            "Service/clinical-notes-api: targetPort web is not a declared containerPort of Deployment/clinical-notes-api");

    [Fact]
    public Task An_autoscaler_for_a_Deployment_that_does_not_exist_is_reported() =>
        AssertReportedAsync("referral-api.yaml", "    kind: Deployment\n    name: referral-api\n", "    kind: Deployment\n    name: referal-api\n",
            "HorizontalPodAutoscaler/referral-api: scales apps/v1/Deployment/referal-api, which is not a Deployment here");

    [Fact]
    public Task A_Secret_key_the_docs_do_not_list_is_reported() =>
        AssertReportedAsync("scheduling-api.yaml", "key: owner", "key: admin",
            "Deployment/scheduling-api: Secret medmassage-schedulingdb has no key admin in docs/deployment.md");

    [Fact]
    public Task A_ConfigMap_that_is_not_declared_is_reported() =>
        AssertReportedAsync("notification-api.yaml", "name: notification-api-config", "name: notifications-config",
            "Deployment/notification-api: ConfigMap notifications-config is not declared");

    [Fact]
    public Task A_caller_the_network_policies_do_not_admit_is_reported() =>
        AssertReportedAsync("network-policies.yaml", "          - notification-api\n          - staff-app\n", "          - notification-api\n",
            "services__staff-app__http__0: no NetworkPolicy admits Deployment/gateway to Deployment/staff-app on port 8080",
            reportedIn: "gateway.yaml"); // where the gateway is given the address

    [Fact]
    public Task A_Secret_with_its_values_in_git_is_reported() =>
        AssertReportedAsync("config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: medmassage-config\n",
            "apiVersion: v1\nkind: Secret\nmetadata:\n  name: leaked\nstringData:\n  password: hunter2\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: medmassage-config\n",
            "Secret/leaked: secret values do not belong in git");

    [Fact]
    public Task A_container_that_may_write_its_root_file_system_is_reported() =>
        AssertReportedAsync("gateway.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
            "Deployment/gateway: container gateway must set readOnlyRootFilesystem: true");

    [Fact]
    public Task A_file_the_kustomization_leaves_out_is_reported() =>
        AssertReportedAsync("kustomization.yaml", "  - ingress.yaml\n", "",
            "ingress.yaml: not in kustomization.yaml's resources");

    /// <summary>
    /// Breaks <paramref name="file"/> of a copy by one replacement and expects <paramref name="expected"/> among the
    /// errors, on a line of <paramref name="reportedIn"/> (the broken file unless said otherwise).
    /// </summary>
    private static async Task AssertReportedAsync(string file, string original, string broken, string expected, string? reportedIn = null)
    {
        var copy = ManifestChecker.CopyOfManifests();
        try
        {
            var path = Path.Combine(copy, file);
            var text = File.ReadAllText(path);
            Assert.True(text.Contains(original, StringComparison.Ordinal), $"{file} no longer contains the text this test breaks:\n{original}");
            File.WriteAllText(path, text.Replace(original, broken, StringComparison.Ordinal));

            var result = await ManifestChecker.CheckAsync(copy);

            Assert.True(result.ExitCode == 1, $"exit code {result.ExitCode}:\n{result.Output}");
            Assert.True(result.Lines.Any(line => line.Contains(reportedIn ?? file, StringComparison.Ordinal) && line.Contains(expected, StringComparison.Ordinal)),
                $"expected \"{expected}\" on a line of {reportedIn ?? file}; the check said:\n{result.Output}");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }
}
