namespace SenGraph.Tests.Limits;

/// <summary>Queries the limit tests send.</summary>
public static class AttackQueries
{
    /// <summary>
    /// A query whose deepest field is at <paramref name="levels"/> (root fields are level 1):
    /// <c>__type</c> (1) <c>fields</c> (2) <c>type</c> (3), then <c>ofType</c> levels, then <c>name</c>.
    /// </summary>
    public static string Deep(int levels)
    {
        if (levels < 4) throw new ArgumentOutOfRangeException(nameof(levels));
        var ofTypes = levels - 4;
        return "{ __type(name: \"Query\") { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", ofTypes)) + "name"
               + string.Concat(Enumerable.Repeat(" }", ofTypes)) + " } } } }";
    }

    /// <summary>
    /// Issue 12's fan-out: <c>query{...F0} fragment F0 on Query{...F1 ...F1} … fragment F{levels} on Query{__typename}</c>,
    /// 2^<paramref name="levels"/> fields once expanded (about 1 KB at 30 levels).
    /// </summary>
    public static string FragmentFanOut(int levels) =>
        "query{...F0} " + string.Concat(Enumerable.Range(0, levels).Select(i => $"fragment F{i} on Query{{...F{i + 1} ...F{i + 1}}} "))
        + $"fragment F{levels} on Query{{__typename}}";

    public static string Aliases(int count) => "{ " + string.Join(" ", Enumerable.Range(1, count).Select(i => $"a{i}: __typename")) + " }";

    public static string Directives(int count) => "{ " + string.Join(" ", Enumerable.Repeat("__typename @include(if: true)", count)) + " }";

    /// <summary><c>{ __typename … }</c>: <paramref name="fields"/> + 2 tokens.</summary>
    public static string Tokens(int fields) => "{ " + string.Join(" ", Enumerable.Repeat("__typename", fields)) + " }";

    /// <summary>What graphql-js's <c>getIntrospectionQuery()</c> asks: what IDEs and code generators send.</summary>
    public const string Introspection = """
    query IntrospectionQuery {
      __schema {
        
        queryType { name kind }
        mutationType { name kind }
        subscriptionType { name kind }
        types {
          ...FullType
        }
        directives {
          name
          description
          
          
          
          locations
          args {
            ...InputValue
          }
        }
      }
    }

    fragment FullType on __Type {
      kind
      name
      description
      
      
      fields(includeDeprecated: true) {
        name
        description
        args {
          ...InputValue
        }
        type {
          ...TypeRef
        }
        isDeprecated
        deprecationReason
      }
      inputFields {
        ...InputValue
      }
      interfaces {
        ...TypeRef
      }
      enumValues(includeDeprecated: true) {
        name
        description
        isDeprecated
        deprecationReason
      }
      possibleTypes {
        ...TypeRef
      }
    }

    fragment InputValue on __InputValue {
      name
      description
      type { ...TypeRef }
      defaultValue
      
      
    }

    fragment TypeRef on __Type {
      kind
      name
      ofType {
        name
        kind
        ofType {
          name
          kind
          ofType {
            name
            kind
            ofType {
              name
              kind
              ofType {
                name
                kind
                ofType {
                  name
                  kind
                  ofType {
                    name
                    kind
                    ofType {
                      name
                      kind
                      ofType {
                        name
                        kind
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  
""";
}
