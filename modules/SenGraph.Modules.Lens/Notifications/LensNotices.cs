using System.ComponentModel;

namespace SenGraph.Modules.Lens.Notifications;

/// <summary>Which state a message tells: where the subject will live, or where ICE released them.</summary>
public enum NoticeRecipient
{
    [Description("The state where the subject will reside.")]
    ResidenceState,

    [Description("The state where ICE released the subject, when it is not the residence state.")]
    ReleasingState,
}

/// <summary>What one LENS message says, and nothing more: by construction it holds no conviction.</summary>
public sealed record ReleaseNotice(
    Guid MessageId,
    NoticeRecipient Recipient,
    string DestinationOri,
    DateOnly ReleaseDate,
    string ReleasingFacility,
    string ReleasingState,
    ReleaseKind Kind,
    ReleasedSubject Subject,
    ResidenceAddress Residence,
    Guid? Replaces = null);

/// <summary>The messages a release produces, or why it produces none (and which states could not be told).</summary>
/// <param name="Notices">The messages to send: none, one, or two when the states differ.</param>
/// <param name="Reason">Why there is no message; null when there is at least one.</param>
/// <param name="StatesWithoutOri">States that should be told but have no LENS ORI: an alert for LESC staff.</param>
public sealed record NoticeDecision(IReadOnlyList<ReleaseNotice> Notices, string? Reason, IReadOnlyList<string> StatesWithoutOri);

/// <summary>
/// The LENS rule (seed 004): a release of a subject with a qualifying conviction is told to the ORI the residence
/// state chose, and, when ICE released the subject in another state, to that state's ORI too. A state without an ORI
/// gets nothing, and the decision says so.
/// </summary>
public static class LensNotices
{
    public static NoticeDecision Decide(CustodyRelease release, QualifyingOffenses qualifying, IReadOnlyDictionary<string, string> oriByState,
        Func<Guid> newId)
    {
        if (!release.Convictions.Any(c => qualifying.Qualifies(c.NcicCode)))
            return new NoticeDecision([], "No conviction has a qualifying NCIC offense code.", []);

        var notices = new List<ReleaseNotice>();
        var missing = new List<string>();
        void Tell(string state, NoticeRecipient recipient)
        {
            if (oriByState.TryGetValue(state, out var ori))
            {
                notices.Add(new ReleaseNotice(newId(), recipient, ori, release.ReleaseDate, release.ReleasingFacility, release.ReleasingState,
                    release.Kind, release.Subject, release.Residence));
            }
            else
            {
                missing.Add(state);
            }
        }

        Tell(release.Residence.State, NoticeRecipient.ResidenceState);
        if (release.ReleasingState != release.Residence.State) Tell(release.ReleasingState, NoticeRecipient.ReleasingState);
        var reason = notices.Count == 0 ? $"No LENS ORI is on file for {string.Join(" or ", missing)}." : null;
        return new NoticeDecision(notices, reason, missing);
    }
}
