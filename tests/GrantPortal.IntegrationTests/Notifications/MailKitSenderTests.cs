using System.Text;
using GrantPortal.Core.Notifications;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using netDumbster.smtp;
using NodaTime;
using NodaTime.Testing;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>MailKitSender against real SMTP servers on loopback, and against the pickup directory.</summary>
public sealed class MailKitSenderTests : IDisposable
{
    private const string KoreanSubject = "[북한인권 지원사업] 신청서 마감 3일 전 안내";
    private readonly FakeClock clock = new(Instant.FromUtc(2026, 12, 1, 0, 0));
    private readonly string pickupDirectory = Path.Combine(Path.GetTempPath(), "grantportal-mail-" + Guid.NewGuid().ToString("N")[..12]);

    public void Dispose()
    {
        if (Directory.Exists(pickupDirectory))
        {
            Directory.Delete(pickupDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Batch_of_three_goes_over_one_connection_and_arrives_intact()
    {
        using var server = SimpleSmtpServer.Start(Loopback.FreePort());
        await using var proxy = new CountingTcpProxy(server.Configuration.Port);
        var sender = CreateSender(new SmtpOptions { Host = "127.0.0.1", Port = proxy.Port });
        var batch = new[]
        {
            Message("applicant1@demo.local", KoreanSubject),
            Message("applicant2@demo.local", "Review due in 3 days"),
            Message("reviewer1@demo.local", "보고서 제출 기한: 2026-12-14 18:00 KST"),
        };

        await sender.SendAsync(batch, CancellationToken.None);

        Assert.Equal(1, proxy.Connections);
        Assert.Equal(3, server.ReceivedEmailCount);
        // netDumbster keeps its own order, so match messages by recipient.
        var received = server.ReceivedEmail
            .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data))))
            .OrderBy(m => m.To.Mailboxes.Single().Address, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [("applicant1@demo.local", KoreanSubject), ("applicant2@demo.local", "Review due in 3 days"), ("reviewer1@demo.local", "보고서 제출 기한: 2026-12-14 18:00 KST")],
            received.Select(m => (m.To.Mailboxes.Single().Address, m.Subject)));
        Assert.All(received, m => Assert.Equal("no-reply@grantportal.local", m.From.Mailboxes.Single().Address));
        Assert.Equal("마감이 다가왔습니다.", received[0].TextBody?.Trim());
    }

    [Fact]
    public async Task Without_a_host_messages_are_written_to_the_pickup_directory()
    {
        var sender = CreateSender(new SmtpOptions { Host = "", PickupDirectory = pickupDirectory });

        await sender.SendAsync([Message("applicant1@demo.local", KoreanSubject), Message("officer@demo.local", "New submission")], CancellationToken.None);

        var files = Directory.GetFiles(pickupDirectory, "*.eml").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.StartsWith("20261201T000000000Z-", Path.GetFileName(f), StringComparison.Ordinal));
        var subjects = new List<string>();
        foreach (var file in files)
        {
            subjects.Add((await MimeMessage.LoadAsync(file)).Subject ?? "");
        }

        // Both files carry the same clock stamp, so their order is the Guid's: compare as sets.
        Assert.Equal(new[] { KoreanSubject, "New submission" }.Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Pickup_files_are_seven_bit_and_read_back_as_the_korean_that_was_written()
    {
        var sender = CreateSender(new SmtpOptions { Host = "", PickupDirectory = pickupDirectory });
        const string body = "김지원 님께\n\n“청년 활동가 역량강화” 보고서를 승인했습니다. 보고서 보기: http://localhost:5080/reports/69";
        var message = new MimeMessage { Subject = KoreanSubject, Body = new TextPart("plain") { Text = body } };
        message.To.Add(new MailboxAddress("김지원", "jiwon@opendoors.example"));

        await sender.SendAsync([message], CancellationToken.None);

        var bytes = await File.ReadAllBytesAsync(Assert.Single(Directory.GetFiles(pickupDirectory, "*.eml")));
        var eightBit = Array.FindIndex(bytes, b => b >= 128);
        Assert.True(eightBit < 0, $"Byte {eightBit} of the .eml file is not 7-bit.");
        var text = Encoding.ASCII.GetString(bytes);
        Assert.Contains("Subject: =?utf-8?", text, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("(?i)Content-Transfer-Encoding: (base64|quoted-printable)", text);

        var read = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal(KoreanSubject, read.Subject);
        Assert.Equal("김지원", read.To.Mailboxes.Single().Name);
        Assert.Equal(body, read.TextBody?.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n'));
    }

    [Fact]
    public async Task Smtp_messages_go_out_seven_bit_and_arrive_as_korean()
    {
        using var server = SimpleSmtpServer.Start(Loopback.FreePort());
        var sender = CreateSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Configuration.Port });
        var message = Message("applicant1@demo.local", KoreanSubject);
        message.To.Clear();
        message.To.Add(new MailboxAddress("김지원", "applicant1@demo.local"));

        await sender.SendAsync([message], CancellationToken.None);

        var data = Assert.Single(server.ReceivedEmail).Data;
        Assert.All(data, c => Assert.True(c < 128, $"'{c}' is not 7-bit."));
        var read = MimeMessage.Load(new MemoryStream(Encoding.ASCII.GetBytes(data)));
        Assert.Equal(KoreanSubject, read.Subject);
        Assert.Equal("김지원", read.To.Mailboxes.Single().Name);
        Assert.Equal("마감이 다가왔습니다.", read.TextBody?.Trim());
    }

    [Fact]
    public async Task Unreachable_server_is_retried_then_reported_as_transient()
    {
        var sender = CreateSender(new SmtpOptions
        {
            Host = "127.0.0.1",
            Port = Loopback.FreePort(),
            RetryCount = 2,
            RetryBaseDelay = TimeSpan.FromMilliseconds(10),
        });

        var failure = await Assert.ThrowsAsync<TransientMailFailureException>(
            () => sender.SendAsync([Message("applicant1@demo.local", KoreanSubject)], CancellationToken.None));

        Assert.Equal(3, failure.Attempts);
        Assert.Equal(1, failure.UnsentCount);
    }

    [Fact]
    public async Task Refused_recipient_is_reported_and_the_rest_of_the_batch_is_sent()
    {
        await using var server = new RefusingSmtpServer("gone@demo.local");
        var sender = CreateSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, RetryBaseDelay = TimeSpan.FromMilliseconds(10) });

        var failure = await Assert.ThrowsAsync<PermanentMailFailureException>(() => sender.SendAsync(
            [Message("applicant1@demo.local", "First"), Message("gone@demo.local", "Second"), Message("applicant2@demo.local", "Third")],
            CancellationToken.None));

        Assert.Equal(["gone@demo.local"], failure.FailedRecipients);
        Assert.Equal(550, failure.Rejected.Single().StatusCode);
        Assert.Equal(2, server.AcceptedMessages.Count);
    }

    [Fact]
    public async Task Health_check_reports_the_pickup_directory_when_no_host_is_set()
    {
        var check = new SmtpHealthCheck(Options.Create(new SmtpOptions()));

        var result = await check.CheckHealthAsync(HealthContext(check));

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, result.Status);
        Assert.Equal("not configured (pickup directory)", result.Description);
    }

    [Fact]
    public async Task Health_check_is_unhealthy_when_the_server_does_not_answer()
    {
        var check = new SmtpHealthCheck(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = Loopback.FreePort() }));

        var result = await check.CheckHealthAsync(HealthContext(check));

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy, result.Status);
    }

    [Fact]
    public async Task Health_check_is_healthy_when_the_server_answers()
    {
        using var server = SimpleSmtpServer.Start(Loopback.FreePort());
        var check = new SmtpHealthCheck(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = server.Configuration.Port }));

        var result = await check.CheckHealthAsync(HealthContext(check));

        Assert.Equal(Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, result.Status);
    }

    private static Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext HealthContext(SmtpHealthCheck check) => new()
    {
        Registration = new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("smtp", check, null, null),
    };

    private MailKitSender CreateSender(SmtpOptions options) =>
        new(Options.Create(options), clock, NullLogger<MailKitSender>.Instance);

    private static MimeMessage Message(string to, string subject)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = "마감이 다가왔습니다." } };
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
