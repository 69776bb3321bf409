using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using GrantPortal.Core.Accounts;
using GrantPortal.IntegrationTests.Awards;
using GrantPortal.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantPortal.IntegrationTests.Notifications;

/// <summary>Decision mail and the award letter name the call once, in either language, and the mail links to the page it is about.</summary>
public abstract class DecisionMailTests : ProviderTest
{
    private const string KoreanTitle = "2026년 청년 북한인권 역량강화 공모";
    private const string EnglishTitle = "Youth Capacity Building Call 2026";

    protected DecisionMailTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Decision_mail_quotes_the_call_title_once_and_links_to_the_award_or_the_application()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(300_000_000, 2, 30_000_000);
        await TitleAsync(callId);
        await EnglishMemberAsync(scenario.OrganizationId);
        var awardId = await scenario.AwardAsync(applications[0], 30_000_000);

        Assert.True((await scenario.FinalizeCall.FinalizeAsync(AwardScenario.Officer, callId)).Succeeded);

        var korean = await Mail.ToAsync(Host.MailPickupDirectory, "jiwon@opendoors.example");
        var funded = Assert.Single(korean, m => m.Subject!.EndsWith("지원 선정 안내", StringComparison.Ordinal)).TextBody;
        Assert.Contains($"\"{KoreanTitle}\"에 신청하신 사업", funded, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/awards/{awardId}", funded, StringComparison.Ordinal);
        var declined = Assert.Single(korean, m => m.Subject!.EndsWith("심사 결과 안내", StringComparison.Ordinal)).TextBody;
        Assert.Contains($"\"{KoreanTitle}\"에 신청해 주셔서", declined, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5000/applications/{applications[1]}", declined, StringComparison.Ordinal);
        Assert.All(korean, m => Assert.DoesNotContain("공모\" 공모", m.TextBody, StringComparison.Ordinal));
        Assert.All(korean, m => Assert.DoesNotContain("공모 \"", m.TextBody, StringComparison.Ordinal));

        var english = await Mail.ToAsync(Host.MailPickupDirectory, "sam@opendoors.example");
        Assert.Equal(2, english.Count);
        Assert.Contains(english, m => m.TextBody!.Contains($"under \"{EnglishTitle}\" has been awarded", StringComparison.Ordinal));
        Assert.All(english, m => Assert.DoesNotContain("call \"", m.TextBody, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Award_letter_names_the_call_once_and_states_the_calls_receipt_rule()
    {
        var scenario = await AwardScenario.CreateAsync(Host);
        var (callId, applications) = await scenario.CallAsync(300_000_000, 1, 30_000_000);
        await TitleAsync(callId);
        var awardId = await scenario.AwardAsync(applications[0], 30_000_000);

        var korean = Text((await scenario.AwardDetails.LetterAsync(AwardScenario.Officer, awardId, "ko"))!.Content);
        var english = Text((await scenario.AwardDetails.LetterAsync(AwardScenario.Officer, awardId, "en"))!.Content);

        Assert.Contains($"\"{KoreanTitle}\"에 따라", korean, StringComparison.Ordinal);
        Assert.DoesNotContain("공모\" 공모", korean, StringComparison.Ordinal);
        Assert.Contains("결과보고서에는 집행 증빙을 첨부해야 합니다", korean, StringComparison.Ordinal);
        Assert.Contains($"under \"{EnglishTitle}\" (2026 budget)", english, StringComparison.Ordinal);
        Assert.Contains("the final report must include receipts", english, StringComparison.Ordinal);
    }

    private async Task TitleAsync(int callId)
    {
        await using var db = await Host.CreateDbContextAsync();
        var call = await db.Calls.SingleAsync(c => c.Id == callId);
        call.TitleKorean = KoreanTitle;
        call.TitleEnglish = EnglishTitle;
        await db.SaveChangesAsync();
    }

    private async Task EnglishMemberAsync(int organizationId)
    {
        await using var db = await Host.CreateDbContextAsync();
        db.Users.Add(new PortalUser
        {
            Id = "applicant-2",
            UserName = "sam@opendoors.example",
            NormalizedUserName = "SAM@OPENDOORS.EXAMPLE",
            Email = "sam@opendoors.example",
            NormalizedEmail = "SAM@OPENDOORS.EXAMPLE",
            DisplayName = "Sam Lee",
            PreferredLanguage = "en",
            PasswordHash = "chosen",
            OrganizationId = organizationId,
            CreatedAt = Host.Clock.GetCurrentInstant(),
            SecurityStamp = Guid.NewGuid().ToString(),
        });
        await db.SaveChangesAsync();
    }

    private static string Text(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        return string.Join('\n', document.MainDocumentPart!.Document!.Body!.Descendants<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }
}

public sealed class DecisionMailTests_on_Sqlite : DecisionMailTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartSqliteAsync();
}

[Collection(PostgresCollection.Name)]
public sealed class DecisionMailTests_on_PostgreSql(PostgresCluster cluster) : DecisionMailTests
{
    protected override Task<PortalTestHost> StartHostAsync() => PortalTestHost.StartPostgreSqlAsync(cluster);
}
