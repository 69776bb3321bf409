using System.Net;
using MimeKit;
using MimeKit.Utils;
using NodaTime.Text;

namespace GrantPortal.Core.Notifications;

/// <summary>
/// One recipient's mail for one run: every item due for them, soonest deadline first, in their language,
/// with an HTML and a plain-text body built from the same localized template lines.
/// </summary>
public static class ReminderDigest
{
    private static readonly LocalDatePattern DayPattern = LocalDatePattern.Iso;

    public static MimeMessage Build(ReminderRecipient recipient, IReadOnlyList<DueReminder> items, Instant now, string portalUrl, IStringLocalizer<Strings> localizer)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(localizer);
        var saved = CultureInfo.CurrentUICulture;
        try
        {
            // The localizer reads the UI culture: the recipient's language, not the server's or the admin's.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(recipient.Language);
            return Compose(recipient, items.OrderBy(i => i.Deadline).ThenBy(i => i.Rule, StringComparer.Ordinal).ThenBy(i => i.ItemId).ToList(), now, portalUrl.TrimEnd('/'), localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = saved;
        }
    }

    private static MimeMessage Compose(ReminderRecipient recipient, List<DueReminder> items, Instant now, string portalUrl, IStringLocalizer<Strings> L)
    {
        var today = now.InZone(Seoul.Zone).Date;
        var lines = items.Select(item => new
        {
            Heading = L[RuleKey(item.Rule)].Value,
            item.Step.Essential,
            Title = item.Title(recipient.Language),
            Deadline = ReminderRules.IsWaiting(item.Rule)
                ? L["Mail_WaitingSince", Seoul.Format(item.Deadline)].Value
                : L["Mail_Deadline", DeadlineText(item, L)].Value,
            When = item.Step.Overdue ? L["Mail_Overdue"].Value
                : ReminderRules.IsWaiting(item.Rule) ? null
                : DaysLeft(item, today, L),
            Link = portalUrl + item.Path,
        }).ToList();
        var anyEssential = items.Any(i => i.Step.Essential);
        var anyOptional = items.Any(i => !i.Step.Essential);
        var profileLink = portalUrl + "/Account/Profile";
        var anyCallAlert = items.Any(i => i.Rule == ReminderRules.CallPublished);
        var callAlertsLink = portalUrl + PortalPaths.CallAlerts;

        var text = new StringBuilder();
        text.AppendLine(L["Mail_Greeting", recipient.DisplayName]);
        text.AppendLine();
        text.AppendLine(L["Mail_Intro"]);
        text.AppendLine();
        foreach (var line in lines)
        {
            text.Append("- ").Append(line.Heading).Append(": ").AppendLine(line.Title);
            text.Append("  ").Append(line.Deadline);
            if (line.When is not null)
            {
                text.Append(" · ").Append(line.When);
            }

            text.AppendLine();
            if (line.Essential)
            {
                text.Append("  ").AppendLine(L["Mail_EssentialMark"]);
            }

            text.Append("  ").AppendLine(line.Link);
        }

        text.AppendLine();
        if (anyEssential)
        {
            text.AppendLine(L["Mail_Essential"]);
        }

        // Where to turn non-essential mail off, and where an organization stops following calls: a hint with its link.
        var hints = new List<(string Key, string Link)>();
        if (anyOptional)
        {
            hints.Add(("Mail_OptOutHint", profileLink));
        }

        if (anyCallAlert)
        {
            hints.Add(("Mail_CallAlertsHint", callAlertsLink));
        }

        foreach (var (key, link) in hints)
        {
            text.AppendLine(L[key, link]);
        }

        text.AppendLine(L["Mail_Footer"]);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(recipient.Language).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Encode(L["Mail_Title"])).Append("</title></head><body style=\"font-family:sans-serif;line-height:1.5;color:#1a1a1a\">");
        html.Append("<p>").Append(Encode(L["Mail_Greeting", recipient.DisplayName])).Append("</p>");
        html.Append("<p>").Append(Encode(L["Mail_Intro"])).Append("</p><ul>");
        foreach (var line in lines)
        {
            html.Append("<li><strong>").Append(Encode(line.Heading)).Append("</strong>: ")
                .Append("<a href=\"").Append(Encode(line.Link)).Append("\">").Append(Encode(line.Title)).Append("</a><br>")
                .Append(Encode(line.Deadline));
            if (line.When is not null)
            {
                html.Append(" · ").Append(Encode(line.When));
            }

            if (line.Essential)
            {
                html.Append("<br><em>").Append(Encode(L["Mail_EssentialMark"])).Append("</em>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
        if (anyEssential)
        {
            html.Append("<p>").Append(Encode(L["Mail_Essential"])).Append("</p>");
        }

        foreach (var (key, link) in hints)
        {
            html.Append("<p>").Append(Encode(L[key, ""])).Append("<a href=\"").Append(Encode(link)).Append("\">").Append(Encode(link)).Append("</a></p>");
        }

        html.Append("<p style=\"color:#555\">").Append(Encode(L["Mail_Footer"])).Append("</p></body></html>");

        // Payments have no deadline of their own; the subject names the nearest real one when there is one.
        var next = items.FirstOrDefault(i => !ReminderRules.IsWaiting(i.Rule));
        var message = new MimeMessage
        {
            Subject = next is null && items.All(i => i.Rule == ReminderRules.PaymentApproval) ? L["Mail_SubjectPayments", items.Count]
                : next is null ? L["Mail_SubjectWaiting", items.Count] : L["Mail_Subject", items.Count, DeadlineText(next, L)],
            MessageId = MimeUtils.GenerateMessageId(),
            Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody(),
        };
        message.To.Add(new MailboxAddress(recipient.DisplayName, recipient.Email));
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Content-Language", recipient.Language);
        return message;
    }

    private static string DeadlineText(DueReminder item, IStringLocalizer<Strings> L) =>
        item.DueOn is { } day ? L["Mail_DueEndOfDay", DayPattern.Format(day)].Value : Seoul.Format(item.Deadline);

    /// <summary>Counted in Seoul calendar days from today, so a pass that ran late still tells the truth.</summary>
    private static string DaysLeft(DueReminder item, LocalDate today, IStringLocalizer<Strings> L)
    {
        var deadlineDay = item.DueOn ?? item.Deadline.InZone(Seoul.Zone).Date;
        var days = Period.Between(today, deadlineDay, PeriodUnits.Days).Days;
        return days <= 0 ? L["Mail_DueToday"].Value : L["Mail_DaysLeft", days].Value;
    }

    private static string RuleKey(string rule) => rule switch
    {
        ReminderRules.CallClosing => "Mail_RuleCallClosing",
        ReminderRules.ReviewDue => "Mail_RuleReviewDue",
        ReminderRules.ReportDue => "Mail_RuleReportDue",
        ReminderRules.InformationDue => "Mail_RuleInformationDue",
        ReminderRules.ChangeRequestWaiting => "Mail_RuleChangeRequestWaiting",
        ReminderRules.CallPublished => "Mail_RuleCallPublished",
        _ => "Mail_RulePaymentApproval",
    };

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
