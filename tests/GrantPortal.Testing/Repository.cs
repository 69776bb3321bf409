namespace GrantPortal.Testing;

public static class Repository
{
    /// <summary>The checkout the tests run from: the folder above the test binaries that holds GrantPortal.sln.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "GrantPortal.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No GrantPortal.sln above {AppContext.BaseDirectory}.");
    }
}
