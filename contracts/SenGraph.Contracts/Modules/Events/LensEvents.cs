namespace SenGraph.Contracts.Modules.Events;

/// <summary>
/// The LENS module's outbox moved a notification message to another status (e.g. <c>SENT</c>, <c>DEAD</c>): for
/// modules that count or watch deliveries (a module event, handled once by the replica that made the change) and for
/// <c>lensMessageStatusChanged</c> subscribers on every replica (a live event). Carries no subject data.
/// </summary>
/// <param name="MessageId">The message.</param>
/// <param name="ReleaseId">The custody release it notifies.</param>
/// <param name="DestinationOri">The ORI it is addressed to.</param>
/// <param name="Status">Its new status.</param>
/// <param name="At">When it changed.</param>
public sealed record LensMessageStatusChanged(Guid MessageId, Guid ReleaseId, string DestinationOri, string Status, DateTimeOffset At) : IModuleEvent, ILiveEvent;
