using SenGraph.Modules.Lens.Notifications;

namespace SenGraph.Tests.Lens;

/// <summary>Fictional releases for the LENS tests; ids without digits, so a code found in a message is a leak.</summary>
internal static class LensSamples
{
    public static readonly IReadOnlyDictionary<string, string> Oris = new Dictionary<string, string>
    {
        ["NY"] = "NY0303000", ["NJ"] = "NJNSP0000", ["TX"] = "TXDPS0000",
    };

    public static Guid Id(char hex) => Guid.Parse(new string(hex, 32));

    public static Func<Guid> Ids()
    {
        var next = new Queue<Guid>([Id('a'), Id('b'), Id('c'), Id('d')]);
        return () => next.Dequeue();
    }

    public static CustodyRelease Release(string residenceState = "NY", string releasingState = "NJ", ReleaseKind kind = ReleaseKind.OrderOfSupervision,
        params Conviction[] convictions) => new(
        Id('e'), new DateOnly(2026, 11, 20), "Elizabeth Contract Detention Facility", releasingState, kind,
        new ReleasedSubject("PEREZ", "JUAN", "CARLOS", new DateOnly(1985, 4, 12), "M", "123456AB7"),
        new ResidenceAddress("45 Main St Apt 3", "Yonkers", residenceState, "10701"),
        convictions.Length > 0 ? convictions : [new Conviction("1201", "ROBBERY - BUSINESS - GUN", new DateOnly(2019, 3, 1), "SUPERIOR COURT OF NEW JERSEY", "5 YEARS")]);
}
