namespace GrantPortal.Demo;

/// <summary>
/// The 2024 change requests (변경승인): one approved change of activities on a completed project (its budget, and so
/// every spending figure, stays as awarded) and one move between budget lines still waiting for the officer.
/// </summary>
internal static class DemoChanges
{
    public static void Add2024(PortalDbContext db, DemoPeople people, (Award Award, Application Application) approved, (Award Award, Application Application) waiting)
    {
        var grantee = Applicant(people, approved.Award);
        var asked = Seoul.ToInstant(new LocalDateTime(2024, 7, 8, 10, 30));
        var decided = Seoul.ToInstant(new LocalDateTime(2024, 7, 11, 15, 0));
        var activities = "현장 교육 2회를 온라인 강좌 4회로 바꾸어 지방 거주 참가자도 함께합니다.";
        var request = new ChangeRequest
        {
            AwardId = approved.Award.Id,
            Kind = ChangeKind.Activities,
            Status = ChangeStatus.Approved,
            Activities = activities,
            Reason = "지방 거주 참가자의 요청이 많아 일부 교육을 온라인으로 진행하려 합니다.",
            RequestedAt = asked,
            RequestedById = grantee.Id,
            RequestedByName = grantee.DisplayName,
            DecidedAt = decided,
            DecidedById = people.Officer.Id,
            DecisionReason = "사업 목적에 맞는 변경으로 승인합니다.",
            ResultingVersion = 2,
        };
        db.ChangeRequests.Add(request);
        var lines = GrantLines(approved.Application, approved.Award.Amount);
        db.BudgetVersions.Add(Version(approved.Award, 1, approved.Application, null, approved.Award.AwardedAt, lines));
        db.BudgetVersions.Add(Version(approved.Award, 2, approved.Application, activities, decided, lines));

        // The move asks for a fifth of the smaller line: more than the 10% a notice may move, so it waits.
        var waitingLines = GrantLines(waiting.Application, waiting.Award.Amount);
        var (from, to) = (waitingLines[0], waitingLines[1]);
        var mover = Applicant(people, waiting.Award);
        db.ChangeRequests.Add(new ChangeRequest
        {
            AwardId = waiting.Award.Id,
            Kind = ChangeKind.BudgetMove,
            Status = ChangeStatus.Pending,
            FromBudgetLineId = from.BudgetLineId,
            ToBudgetLineId = to.BudgetLineId,
            Amount = new Krw(Math.Min(from.Budgeted.Won, to.Budgeted.Won) / 5 / 10_000 * 10_000),
            Reason = "참가자가 예상보다 늘어 행사 비용이 부족합니다.",
            RequestedAt = Seoul.ToInstant(new LocalDateTime(2024, 12, 2, 9, 40)),
            RequestedById = mover.Id,
            RequestedByName = mover.DisplayName,
        });
    }

    private static PortalUser Applicant(DemoPeople people, Award award) =>
        people.Applicants.Values.First(u => u.OrganizationId == award.OrganizationId);

    private static List<SpendingLineDraft> GrantLines(Application application, Krw amount) =>
        ApprovedBudget.Scale(application.BudgetLines.Where(l => !l.IsOwnContribution).OrderBy(l => l.Order).ToList(), amount);

    private static BudgetVersion Version(Award award, int number, Application application, string? activities, Instant at, List<SpendingLineDraft> lines)
    {
        var version = new BudgetVersion
        {
            AwardId = award.Id,
            Number = number,
            StartDate = application.StartDate,
            EndDate = application.EndDate,
            Activities = activities,
            CreatedAt = at,
        };
        version.Lines.AddRange(lines.Select((l, i) => new BudgetVersionLine { BudgetLineId = l.BudgetLineId, Order = i, Category = l.Category, Item = l.Item, Amount = l.Budgeted }));
        return version;
    }
}
