using System.Text.RegularExpressions;
using GrantPortal.Core.Forms;
using GrantPortal.Demo;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace GrantPortal.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ApplicationFormTests(BrowserFixture fixture)
{
    private const float Slow = 20_000;

    private static ILocator Input(ILocator scope, string testId) =>
        scope.Locator($"[data-testid={testId}] input, [data-testid={testId}] textarea, input[data-testid={testId}], textarea[data-testid={testId}]").First;

    [Fact]
    public async Task Officer_builds_a_form_with_every_question_type_a_condition_and_a_new_order_previews_it_in_both_languages_saves_and_publishes()
    {
        var code = "F" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var page = await fixture.NewPageAsync();
        await SignInTests.SignInAsync(page, DemoAccounts.Officer.Email, DemoAccounts.Password);
        await page.GetByTestId("nav-Nav_ManageCalls").ClickAsync();
        await page.GetByTestId("new-call").ClickAsync();
        await CallTests.FillCallAsync(page, code, "Form builder call " + code, "1,000,000");
        await page.GetByTestId("save-call").ClickAsync();
        await Expect(page.GetByTestId("publish-call")).ToBeVisibleAsync(new() { Timeout = Slow });

        await page.GetByTestId("call-form").ClickAsync();
        await Expect(page.GetByTestId("form-title")).ToContainTextAsync(code, new() { Timeout = Slow });
        await Expect(page.GetByTestId("form-version")).ToHaveTextAsync(new Regex("^(Version 1|버전 1)$"));
        var cards = page.GetByTestId("question-card");
        await Expect(cards).ToHaveCountAsync(3);

        foreach (var type in Enum.GetValues<QuestionType>())
        {
            await page.GetByTestId("add-" + type).First.ClickAsync();
            var card = cards.Last;
            await Expect(card).ToHaveAttributeAsync("data-question-type", type.ToString());
            await Input(card, "question-label-ko").FillAsync("질문 " + type);
            await Input(card, "question-label-en").FillAsync("Question " + type);
            await FillLimitsAsync(card, type);
        }

        await Expect(cards).ToHaveCountAsync(13);
        await AccessibilityTests.AssertNoSeriousViolationsAsync(page);

        // The table shows only when the yes/no question is answered yes.
        var table = cards.Last;
        await table.GetByTestId("question-condition").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^\\s*(Question|질문) YesNo") }).First.ClickAsync(new() { Timeout = Slow });
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0, new() { Timeout = Slow });
        await table.Locator("[data-testid=condition-answer-yes] input, input[data-testid=condition-answer-yes]").First.CheckAsync(new() { Force = true });

        // The table moves above the file question: both buttons say which question they move.
        await table.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Move question 13 up|질문 13을\\(를\\) 위로 이동)$") }).ClickAsync();
        await Expect(cards.Nth(11)).ToHaveAttributeAsync("data-question-type", "Table");
        await Expect(cards.Nth(12)).ToHaveAttributeAsync("data-question-type", "File");

        await page.GetByTestId("form-preview").ClickAsync();
        await page.GetByTestId("preview-ko").ClickAsync();
        var pane = page.GetByTestId("form-preview-pane");
        await Expect(pane).ToContainTextAsync("질문 ShortText", new() { Timeout = Slow });
        await Expect(pane).ToContainTextAsync("질문 File");
        await Expect(pane).Not.ToContainTextAsync("질문 Table");
        await page.GetByTestId("preview-en").ClickAsync();
        await Expect(pane).ToContainTextAsync("Question MultipleChoice");
        await Expect(pane).ToContainTextAsync("Question Amount");
        await Expect(pane).Not.ToContainTextAsync("질문 ShortText");
        await Expect(pane).Not.ToContainTextAsync("Question Table");

        await page.GetByTestId("form-save").ClickAsync();
        await Expect(page.GetByTestId("form-result")).ToContainTextAsync(new Regex("Saved as version 1\\.|버전 1\\(으\\)로 저장했습니다"), new() { Timeout = Slow });

        await page.GetByTestId("form-back").ClickAsync();
        await page.GetByTestId("publish-call").ClickAsync();
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^(Publish|게시)$") }).ClickAsync();
        await Expect(page.GetByTestId("call-published")).ToBeVisibleAsync(new() { Timeout = Slow });

        // Once published, the next save makes version 2, and the saved form came back in the new order.
        await page.GetByTestId("call-form").ClickAsync();
        await Expect(page.GetByTestId("form-save-note")).ToContainTextAsync(new Regex("Saving makes version 2|버전 2이\\(가\\) 만들어집니다"), new() { Timeout = Slow });
        await Expect(cards).ToHaveCountAsync(13);
        await Expect(cards.Nth(11)).ToHaveAttributeAsync("data-question-type", "Table");
        await page.Context.CloseAsync();
    }

    private static async Task FillLimitsAsync(ILocator card, QuestionType type)
    {
        switch (type)
        {
            case QuestionType.LongText:
                await Input(card, "question-min-length").FillAsync("10");
                await Input(card, "question-max-length").FillAsync("2000");
                break;
            case QuestionType.WholeNumber:
                await Input(card, "question-minimum").FillAsync("1");
                await Input(card, "question-maximum").FillAsync("500");
                await Input(card, "question-unit-ko").FillAsync("명");
                await Input(card, "question-unit-en").FillAsync("people");
                break;
            case QuestionType.SingleChoice or QuestionType.MultipleChoice:
                for (var i = 0; i < 2; i++)
                {
                    await card.Locator("[data-testid=choice-label-ko] input, input[data-testid=choice-label-ko]").Nth(i).FillAsync("선택 " + (i + 1));
                    await card.Locator("[data-testid=choice-label-en] input, input[data-testid=choice-label-en]").Nth(i).FillAsync("Choice " + (i + 1));
                }

                break;
            case QuestionType.Table:
                await Input(card, "column-label-ko").FillAsync("단체명");
                await Input(card, "column-label-en").FillAsync("Organization");
                break;
            case QuestionType.File:
                await card.Locator("[data-testid=file-kind-Pdf] input, input[data-testid=file-kind-Pdf]").First.CheckAsync(new() { Force = true });
                await Input(card, "question-max-files").FillAsync("2");
                break;
            default:
                break;
        }
    }
}
