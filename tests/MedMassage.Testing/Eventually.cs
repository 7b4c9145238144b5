namespace MedMassage.Testing;

public static class Eventually
{
    /// <summary>Polls <paramref name="condition"/> until it holds; asynchronous effects (consumers, relays) need this.</summary>
    public static async Task<T> WaitAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        T value;
        do
        {
            value = await probe();
            if (condition(value))
            {
                return value;
            }
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"{what ?? "Condition"} did not hold in time; last value: {value}");
    }
}
