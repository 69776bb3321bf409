var builder = WebApplication.CreateBuilder(args);
builder.AddPortal();

var app = builder.Build();
app.UsePortal();

// `migrate`, `seed-demo`, `send-reminders`: the same start-up, one task, then exit.
if (await CommandVerbs.TryRunAsync(app, args))
{
    return;
}

await app.PrepareDatabaseAsync();
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
