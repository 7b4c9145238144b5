using System.Runtime.InteropServices;

namespace MedMassage.Hosting;

internal static partial class Signals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    private static partial uint GetEffectiveUserId();

    public static void Terminate(int pid) => _ = Kill(pid, SigTerm);

    public static void Interrupt(int pid) => _ = Kill(pid, SigInt);

    public static bool IsRoot => OperatingSystem.IsLinux() && GetEffectiveUserId() == 0;
}
