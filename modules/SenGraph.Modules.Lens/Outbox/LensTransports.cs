using System.Net.Http.Headers;
using System.Text;

namespace SenGraph.Modules.Lens.Outbox;

/// <summary>One message handed to a transport. <see cref="IdempotencyKey"/> is the same on every attempt: the receiver keeps the first.</summary>
public sealed record LensDelivery(string IdempotencyKey, Guid MessageId, string DestinationOri, string Text);

/// <summary>Delivers LENS messages to the NLETS switch; throws when the message was not accepted (the dispatcher retries).</summary>
public interface ILensTransport
{
    /// <summary>For logs and metrics (<c>file-drop</c>, <c>http</c>).</summary>
    string Name { get; }

    Task DeliverAsync(LensDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>
/// Writes <c>&lt;key&gt;.txt</c> into a folder the switch picks up: first to a temporary name, then renamed, so a reader
/// never sees half a message; a redelivery overwrites the same file, so the folder holds each message once.
/// </summary>
public sealed class FileDropTransport(string folder) : ILensTransport
{
    public string Name => "file-drop";

    public string Folder { get; } = folder;

    public async Task DeliverAsync(LensDelivery delivery, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        var target = Path.Combine(Folder, delivery.IdempotencyKey + ".txt");
        var temporary = Path.Combine(Folder, $".{delivery.IdempotencyKey}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllTextAsync(temporary, delivery.Text, Encoding.ASCII, cancellationToken);
        File.Move(temporary, target, overwrite: true);
    }
}

/// <summary>
/// POSTs the message text (<c>text/plain</c>) to the gateway with headers <c>Idempotency-Key</c> and
/// <c>X-Lens-Destination-Ori</c>; any 2xx is an acknowledgement (a gateway answers a key it already has with 2xx too).
/// </summary>
public sealed class HttpGatewayTransport(Uri gateway, TimeSpan timeout) : ILensTransport, IDisposable
{
    private readonly HttpClient _http = new() { Timeout = timeout };

    public string Name => "http";

    public async Task DeliverAsync(LensDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, gateway)
        {
            Content = new StringContent(delivery.Text, Encoding.ASCII, new MediaTypeHeaderValue("text/plain")),
        };
        request.Headers.Add("Idempotency-Key", delivery.IdempotencyKey);
        request.Headers.Add("X-Lens-Destination-Ori", delivery.DestinationOri);
        using var response = await _http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"The gateway answered {(int)response.StatusCode} {response.ReasonPhrase}: {(body.Length > 200 ? body[..200] : body)}");
        }
    }

    public void Dispose() => _http.Dispose();
}
