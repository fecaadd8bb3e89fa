using System.Globalization;
using System.Text;

namespace SenGraph.Modules.Lens.Notifications;

/// <summary>
/// The text of a LENS NLETS administrative message (AM). Layout (one item per line, upper case, ASCII, at most
/// <see cref="MaxLineLength"/> characters a line, longer values wrapped at spaces):
/// <code>
/// AM.VTINS07S0.&lt;destination ORI&gt;
/// TXT
/// ICE LAW ENFORCEMENT NOTIFICATION SYSTEM (LENS) - RELEASE FROM CUSTODY
/// [CORRECTED MESSAGE - REPLACES REF/&lt;earlier message&gt;]
/// REF/&lt;message id&gt;
/// FOR SITUATIONAL AND PUBLIC SAFETY AWARENESS ONLY. ... local procedures
/// THE SUBJECT WAS RELEASED FROM ICE CUSTODY UNDER AN ORDER OF SUPERVISION | ON BOND | (nothing)
/// RELEASE DATE/yyyyMMdd  RELEASED FROM/&lt;facility&gt;, &lt;state&gt;
/// NAM/LAST, FIRST MIDDLE  DOB/yyyyMMdd  SEX/x  FBI/&lt;number&gt;
/// RESIDENCE/&lt;street&gt; / &lt;city&gt;, &lt;state&gt; &lt;postal code&gt;
/// inquiries: LESC (802) 872-6050 or an AM to VTINS07S0
/// </code>
/// It is built from a <see cref="ReleaseNotice"/>, which holds no conviction: the crime cannot appear.
/// </summary>
public static class NletsAmTemplate
{
    /// <summary>The longest line the template writes (NLETS text lines; a safe width for every state's switch).</summary>
    public const int MaxLineLength = 69;

    public static string Render(ReleaseNotice notice)
    {
        var lines = new List<string>
        {
            $"AM.{Ori.Lesc}.{notice.DestinationOri}",
            "TXT",
            "ICE LAW ENFORCEMENT NOTIFICATION SYSTEM (LENS) - RELEASE FROM CUSTODY",
        };
        if (notice.Replaces is { } replaced) lines.Add($"CORRECTED MESSAGE - REPLACES REF/{Reference(replaced)}");
        lines.Add($"REF/{Reference(notice.MessageId)}");
        lines.Add("");
        lines.Add("THIS MESSAGE IS FOR SITUATIONAL AND PUBLIC SAFETY AWARENESS ONLY. LAW ENFORCEMENT AGENCIES ARE NOT EXPECTED TO "
            + "TAKE ANY ENFORCEMENT ACTION BASED SOLELY ON THIS NOTIFICATION, BUT SHOULD FOLLOW THEIR LOCAL ENFORCEMENT PROCEDURES.");
        lines.Add(notice.Kind switch
        {
            ReleaseKind.OrderOfSupervision => "THE SUBJECT BELOW WAS RELEASED FROM ICE CUSTODY UNDER AN ORDER OF SUPERVISION.",
            ReleaseKind.Bond => "THE SUBJECT BELOW WAS RELEASED FROM ICE CUSTODY ON BOND.",
            _ => "THE SUBJECT BELOW WAS RELEASED FROM ICE CUSTODY.",
        });
        lines.Add("");
        lines.Add($"RELEASE DATE/{notice.ReleaseDate.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}");
        lines.Add($"RELEASED FROM/{notice.ReleasingFacility}, {notice.ReleasingState}");
        var subject = notice.Subject;
        lines.Add($"NAM/{subject.LastName}, {subject.FirstName}{(subject.MiddleName is { Length: > 0 } middle ? " " + middle : "")}");
        lines.Add($"DOB/{subject.DateOfBirth.ToString("yyyyMMdd", CultureInfo.InvariantCulture)} SEX/{subject.Sex}");
        lines.Add($"FBI/{subject.FbiNumber}");
        lines.Add($"RESIDENCE/{notice.Residence.Street}");
        lines.Add($"{notice.Residence.City}, {notice.Residence.State} {notice.Residence.PostalCode}");
        lines.Add("");
        lines.Add("LAW ENFORCEMENT INQUIRIES REGARDING THE SUBJECT: LAW ENFORCEMENT SUPPORT CENTER (LESC) "
            + $"(802) 872-6050 OR NLETS AM TO {Ori.Lesc}.");

        var text = new StringBuilder();
        foreach (var line in lines.SelectMany(l => Wrap(Clean(l)))) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The text telling a state to disregard a notification it was sent, because a correction means the release no
    /// longer concerns it. Names no one: the state already holds the subject's data, and it has no need of more.
    /// </summary>
    public static string RenderWithdrawal(Guid messageId, string destinationOri, Guid replaces)
    {
        var lines = new List<string>
        {
            $"AM.{Ori.Lesc}.{destinationOri}",
            "TXT",
            "ICE LAW ENFORCEMENT NOTIFICATION SYSTEM (LENS) - NOTIFICATION WITHDRAWN",
            $"CORRECTED MESSAGE - REPLACES REF/{Reference(replaces)}",
            $"REF/{Reference(messageId)}",
            "",
            "THE RELEASE NOTIFICATION REFERENCED ABOVE WAS CORRECTED AND NO LONGER CONCERNS YOUR STATE. DISREGARD IT.",
            "",
            "LAW ENFORCEMENT INQUIRIES: LAW ENFORCEMENT SUPPORT CENTER (LESC) "
                + $"(802) 872-6050 OR NLETS AM TO {Ori.Lesc}.",
        };
        var text = new StringBuilder();
        foreach (var line in lines.SelectMany(l => Wrap(Clean(l)))) text.Append(line).Append('\n');
        return text.ToString();
    }

    /// <summary>The message id as a message quotes it: 32 hex digits, upper case.</summary>
    public static string Reference(Guid messageId) => messageId.ToString("N").ToUpperInvariant();

    /// <summary>Upper case ASCII: accents dropped, anything outside the NLETS text characters a space.</summary>
    private static string Clean(string line)
    {
        var text = new StringBuilder(line.Length);
        foreach (var c in line.ToUpperInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            text.Append(c is (>= 'A' and <= 'Z') or (>= '0' and <= '9') || " .,/-()'#&:".Contains(c) ? c : ' ');
        }

        return text.ToString().TrimEnd();
    }

    private static IEnumerable<string> Wrap(string line)
    {
        while (line.Length > MaxLineLength)
        {
            var cut = line.LastIndexOf(' ', MaxLineLength);
            if (cut <= 0) cut = MaxLineLength;
            yield return line[..cut].TrimEnd();
            line = line[cut..].TrimStart();
        }

        yield return line;
    }
}
