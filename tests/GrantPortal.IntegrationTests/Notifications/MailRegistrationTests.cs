using GrantPortal.Core;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantPortal.IntegrationTests.Notifications;

public sealed class MailRegistrationTests
{
    [Fact]
    public async Task Registered_sender_without_a_host_writes_into_the_pickup_directory_under_the_content_root()
    {
        await using var host = await PortalTestHost.StartSqliteAsync();
        var message = new MimeMessage { Subject = "심사 배정 안내", Body = new TextPart("plain") { Text = "-" } };
        message.To.Add(MailboxAddress.Parse("reviewer1@demo.local"));

        await host.Services.GetRequiredService<IMailSender>().SendAsync([message], CancellationToken.None);

        Assert.Single(Directory.GetFiles(host.MailPickupDirectory, "*.eml"));
    }

    [Fact]
    public void Relative_pickup_directory_resolves_against_the_content_root()
    {
        using var services = MailServices(new() { ["Smtp:PickupDirectory"] = "App_Data/mail" });

        var options = services.GetRequiredService<IOptions<SmtpOptions>>().Value;

        Assert.Equal(Path.GetFullPath("/srv/grantportal/App_Data/mail"), options.PickupDirectory);
        Assert.Equal(25, options.Port);
    }

    [Fact]
    public void Malformed_from_address_is_refused_at_start_up()
    {
        using var services = MailServices(new() { ["Smtp:From"] = "GrantPortal no-reply", ["Smtp:Host"] = "smtp.example.org" });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);
        Assert.Contains("Smtp:From", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider MailServices(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddPortalMail("/srv/grantportal");
        return services.BuildServiceProvider();
    }
}
