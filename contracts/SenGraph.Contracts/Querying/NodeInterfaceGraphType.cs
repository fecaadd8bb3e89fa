using GraphQL.Types;

namespace SenGraph.Contracts.Querying;

/// <summary>
/// GraphQL <c>Node</c>, global object identification (the Relay convention HotChocolate follows): an
/// object with an <c>id</c> unique across the whole schema, refetchable with <c>node(id:)</c>. Reports are
/// nodes; their ids are the report's GUID, unique across every report type.
/// </summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "An object with an id unique across the schema; fetch it again with node(id:).";
        Field<NonNullGraphType<IdGraphType>>("id").Description("Identifier, unique across the schema.");
    }
}
