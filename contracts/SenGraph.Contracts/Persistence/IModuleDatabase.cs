namespace SenGraph.Contracts.Persistence;

/// <summary>A module's database: the host applies its migrations at start.</summary>
public interface IModuleDatabase
{
    /// <summary>The provider's context type, whose migrations apply (<c>SqlServerSirDbContext</c>), for logs and errors.</summary>
    Type ContextType { get; }

    /// <summary>Applies every pending migration of this module for the configured provider.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The idempotent SQL script of every migration, for the configured provider.</summary>
    string GenerateMigrationScript();
}
