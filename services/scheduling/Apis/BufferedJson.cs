using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace MedMassage.Scheduling.Api.Apis;

/// <summary>
/// 200 with a JSON body that is serialized whole before it is sent, with its Content-Length. Streaming a large
/// answer (a slot search's ~80 KiB) flushes it in several chunks, and every chunk is a send here, a read and a
/// write in the gateway and a read in the client; on a machine where each of those wakes a thread, one write
/// is markedly cheaper. Serialized with the same options as <c>TypedResults.Ok</c>.
/// </summary>
public sealed class BufferedJson<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<T>
{
    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var options = httpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        using var body = new PooledBuffer();
        using (var writer = new Utf8JsonWriter(body, new JsonWriterOptions { Encoder = options.Encoder, SkipValidation = true }))
        {
            JsonSerializer.Serialize(writer, Value, options);
        }
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Written.Length;
        await response.Body.WriteAsync(body.Written, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));

    /// <summary>A growing buffer of rented arrays, so a large answer does not land on the large-object heap.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[] _array = ArrayPool<byte>.Shared.Rent(16 * 1024);
        private int _count;

        public ReadOnlyMemory<byte> Written => _array.AsMemory(0, _count);

        public void Advance(int count) => _count += count;

        public Memory<byte> GetMemory(int sizeHint = 0)
        {
            var start = Reserve(sizeHint); // first: it may replace the array
            return _array.AsMemory(start);
        }

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        private int Reserve(int sizeHint)
        {
            var needed = _count + Math.Max(sizeHint, 256);
            if (needed > _array.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _array.Length * 2));
                _array.AsSpan(0, _count).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_array);
                _array = larger;
            }
            return _count;
        }

        public void Dispose() => ArrayPool<byte>.Shared.Return(_array);
    }
}
