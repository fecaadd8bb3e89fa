using SenGraph.Contracts.Security;
using SenGraph.Host.Security;

namespace SenGraph.Tests.Kit;

/// <summary>The policy names a module may require are the ones the host declares.</summary>
public sealed class HostPolicyNamesTests
{
    [Theory]
    [InlineData(HostPolicyNames.PiiNeedToKnow)]
    [InlineData(HostPolicyNames.Statistics)]
    [InlineData(HostPolicyNames.Records)]
    public void Every_host_policy_name_in_the_contracts_is_a_policy_the_host_declares(string name) =>
        Assert.Contains(name, HostPolicies.All.Keys);
}
