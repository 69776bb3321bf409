using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reviews;

namespace GrantPortal.Demo;

/// <summary>The people the demo data refers to, created through Identity before the grants are built.</summary>
internal sealed class DemoPeople
{
    public required PortalUser Officer { get; init; }

    public required PortalUser Finance1 { get; init; }

    public required PortalUser Finance2 { get; init; }

    /// <summary>reviewer1 and reviewer2 first, then the reviewers who have no password.</summary>
    public required IReadOnlyList<PortalUser> Reviewers { get; init; }

    /// <summary>One applicant per organization, by index into <see cref="DemoData.Organizations"/>.</summary>
    public Dictionary<int, PortalUser> Applicants { get; } = [];
}

/// <summary>
/// Builds the demo grant history on one tracked context in three steps: organizations, years and calls;
/// then everything that needs their ids; then what needs the ids of that (payments, spending lines, conflicts).
/// Every status change goes through the entities' own methods.
/// </summary>
internal sealed class DemoGrantHistory(PortalDbContext db, DemoPeople people, IReadOnlyDictionary<string, Recommendation> recommendations, Instant now, LocalDate today)
{
    private const long Million = 1_000_000;

    /// <summary>Days until the first open call closes; the second closes within two days.</summary>
    private const int OpenCallClosesInDays = 10;

    /// <summary>Review and award come first: a project starts six to eight weeks after its call closes.</summary>
    private const int ProjectStartAfterCloseDays = 45;

    private const int ProjectStartSpreadDays = 14;

    /// <summary>Projects need at least this long to run before they end, inside their call's budget year.</summary>
    private const int ProjectMonths = 6;

    /// <summary>Reviewer index → organization indexes they declared ties to; they are never assigned there.</summary>
    private static readonly Dictionary<int, int[]> ReviewerTies = new() { [0] = [6], [1] = [15], [3] = [5] };

    private readonly Dictionary<int, BudgetYear> years = [];
    private readonly Dictionary<Call, List<RubricCriterion>> criteria = [];
    private readonly Dictionary<Call, int> receiptSequence = [];
    private readonly List<Action> afterFirstSave = [];
    private readonly Dictionary<Call, ApplicationFormVersion> forms = [];
    private Organization[] organizations = [];
    private Call call2023 = null!;
    private Call call2024 = null!;
    private Call springCall = null!;
    private Call reviewCall = null!;
    private Call rapidCall = null!;
    private Call callA = null!;
    private Call callB = null!;
    private int bankSequence;

    public int Applications { get; private set; }

    public int Awards { get; private set; }

    /// <summary>The awards waiting at the grant-agreement step: not started, half-way, submitted to the officer.</summary>
    public IReadOnlyList<Award> AgreementStepAwards { get; private set; } = [];

    public int Payments { get; private set; }

    public int Reports { get; private set; }

    public IReadOnlyList<Organization> Organizations => organizations;

    public int CurrentYear => today.Year;

    /// <summary>
    /// The budget year the open calls fund. Projects must end inside it, so it is this year only while a project
    /// starting after its call closes and is decided still has six months of the year; otherwise the ministry calls
    /// for next year's projects, as it does each autumn.
    /// </summary>
    public int OpenCallYear
    {
        get
        {
            var latestStart = today.PlusDays(OpenCallClosesInDays + ProjectStartAfterCloseDays + ProjectStartSpreadDays);
            return latestStart.PlusMonths(ProjectMonths) <= ProjectsEnd(today.Year) ? today.Year : today.Year + 1;
        }
    }

    /// <summary>Step one: organizations, budget years and calls, whose ids everything else needs.</summary>
    public void AddOrganizationsAndCalls()
    {
        organizations = DemoData.Organizations.Select(CreateOrganization).ToArray();
        db.Organizations.AddRange(organizations);

        call2023 = AddCall(YearOf(2023, 2_000_000_000), "NKHR", "2023년 북한인권 증진 민간단체 지원사업", "2023 Grants for Civil Society Projects on North Korean Human Rights",
            ProjectCategories.All, 2_000_000_000, 250, Local(2023, 3, 6, 10), Local(2023, 4, 7, 18), new LocalDate(2023, 4, 28), blind: false);
        call2023.Publish(Local(2023, 3, 2, 10));
        call2023.Finalize(Local(2023, 5, 12, 15));

        call2024 = AddCall(YearOf(2024, 1_800_000_000), "NKHR", "2024년 북한인권 증진 민간단체 지원사업", "2024 Grants for Civil Society Projects on North Korean Human Rights",
            ProjectCategories.All, 1_800_000_000, 200, Local(2024, 2, 5, 10), Local(2024, 3, 8, 18), new LocalDate(2024, 3, 29), blind: false);
        call2024.Publish(Local(2024, 2, 1, 10));
        call2024.Finalize(Local(2024, 4, 15, 15));

        var current = YearOf(CurrentYear, 2_000_000_000);
        var y = CurrentYear;

        // The decided call of this year; in practice it is late in the year, but an early clock squeezes the timeline.
        springCall = AddCall(current, CurrentYear is 2023 or 2024 ? "NKHR2" : "NKHR", $"{y}년 북한인권 증진 민간단체 지원사업", $"{y} Grants for Civil Society Projects on North Korean Human Rights",
            ProjectCategories.All, 800_000_000, 150, DaysAgo(240, 20, 10), DaysAgo(205, 16, 18), today.PlusDays(-Offset(185, 14)), blind: false);
        springCall.Publish(springCall.OpensAt - Duration.FromDays(3));
        springCall.Finalize(DaysAgo(170, 12, 15));

        // ARTS, not CULT: the culture call that is open now, two-stage, is CULT (below), and may share this budget year.
        reviewCall = AddCall(current, "ARTS", "문화예술로 알리는 북한인권 특별공모", "Special Call: Culture and Arts for North Korean Human Rights",
            ProjectCategories.CultureAndArts, 400_000_000, 100, DaysAgo(75, 10, 10), DaysAgo(40, 6, 18), today.PlusDays(2), blind: true);
        reviewCall.Publish(reviewCall.OpensAt - Duration.FromDays(2));

        // Decided a week ago, so its grantees are at the grant-agreement step (교부).
        rapidCall = AddCall(current, "RAPID", $"{y}년 북한인권 긴급 현안 대응 공모", $"{y} Rapid Response Grants on North Korean Human Rights",
            ProjectCategories.ResearchAndDocumentation, 150_000_000, 60, DaysAgo(50, 12, 10), DaysAgo(30, 9, 18), today.PlusDays(-Offset(16, 6)), blind: false);
        rapidCall.Publish(rapidCall.OpensAt - Duration.FromDays(1));
        rapidCall.Finalize(DaysAgo(7, 2, 15));

        // The calls still taking applications: for a year a project can run in (see OpenCallYear), with that year's envelope.
        var open = YearOf(OpenCallYear, 2_000_000_000);
        callA = AddCall(open, "YOUTH", "청년·미래세대 북한인권 역량강화 공모", "Building the Next Generation: Youth Capacity for North Korean Human Rights",
            ProjectCategories.CapacityBuilding | ProjectCategories.ConferencesAndAdvocacy | ProjectCategories.ResearchAndDocumentation,
            500_000_000, 100, DaysAgo(21, 21, 10), Seoul.ToInstant(today.PlusDays(OpenCallClosesInDays).At(new LocalTime(18, 0))), today.PlusDays(30), blind: false);
        callA.Eligibility = DemoEligibility.Youth;
        callA.BudgetRules = new BudgetRules { Caps = [new CategoryCap(BudgetCategory.Personnel, 30m)], MinimumOwnContributionPercent = 10m };
        callA.Publish(callA.OpensAt);

        callB = AddCall(open, "DOC", "북한인권 기록·조사 긴급 공모", "Rapid Call: Documentation and Research on North Korean Human Rights",
            ProjectCategories.ResearchAndDocumentation, 200_000_000, 60, DaysAgo(30, 30, 10), Seoul.ToInstant(today.PlusDays(1).At(new LocalTime(18, 0))), today.PlusDays(21), blind: false);
        callB.Publish(callB.OpensAt);

        // Published three days ago, so the organization following culture and arts hears of it in the first reminder pass.
        // Two stages: concept notes until the day YOUTH closes, then four weeks for the invited organizations' full proposals.
        // A small envelope, so the year's calls still fit the year's budget when the clock sits in the open year.
        var conceptCall = AddCall(open, "CULT", "문화예술 북한인권 프로젝트 2단계 공모", "Two-Stage Call: Culture and Arts Projects on North Korean Human Rights",
            ProjectCategories.CultureAndArts, 100_000_000, 50, DaysAgo(3, 3, 10), Seoul.ToInstant(today.PlusDays(OpenCallClosesInDays + 28).At(new LocalTime(18, 0))), today.PlusDays(OpenCallClosesInDays + 50), blind: false);
        conceptCall.ConceptNoteClosesAt = Seoul.ToInstant(today.PlusDays(OpenCallClosesInDays).At(new LocalTime(18, 0)));
        conceptCall.Publish(conceptCall.OpensAt);

        // If the clock sits in a demo year, its calls share that year's budget: keep the year able to hold them.
        foreach (var year in years.Values)
        {
            var calls = Krw.Sum(year.Calls.Select(c => c.Envelope));
            if (calls > year.Envelope)
            {
                year.ChangeEnvelope(calls);
            }
        }
    }

    /// <summary>Step two: reviewer profiles and every application with its reviews, award, tranches and reports.</summary>
    public void AddGrants()
    {
        AddForms();
        AddReviewerProfiles();
        AddCallAlerts();
        Add2023();
        Add2024();
        AddCurrentSpring();
        AddCurrentRapid();
        AddCurrentUnderReview();
        AddOpenCall(callA, DemoData.CallA, DemoData.SubmittedInCallA);
        AddOpenCall(callB, DemoData.CallB, DemoData.SubmittedInCallB);
    }

    /// <summary>Step three: the rows that point at ids only the second save produced.</summary>
    public void CompleteAfterSave()
    {
        foreach (var action in afterFirstSave)
        {
            action();
        }

        afterFirstSave.Clear();
    }

    private Organization CreateOrganization(DemoOrganization data, int index)
    {
        var registeredAt = index switch
        {
            < 18 => Local(2022, 11, 1 + index, 10),
            < DemoData.FirstPendingOrganization => Local(2023, 2, 1 + index, 10),
            DemoData.FirstPendingOrganization => now - Duration.FromDays(5),
            DemoData.FirstPendingOrganization + 1 => now - Duration.FromDays(2),
            _ => now - Duration.FromDays(20),
        };
        var organization = Organization.Register(
            data.Name,
            data.NameKorean,
            // Real numbers carry a check digit, and profile edits check it: the demo's add up like real ones.
            RegistrationNumberCheck.Complete(string.Create(CultureInfo.InvariantCulture, $"{101 + (index * 7)}82{1_000 + (index * 137)}")),
            data.Type,
            data.ContactName,
            "office@" + data.Domain,
            registeredAt);
        organization.Representative = data.Representative;
        organization.ContactPhone = string.Create(CultureInfo.InvariantCulture, $"02-{3000 + (index * 17)}-{1000 + (index * 373) % 9000:0000}");
        organization.Address = data.Address;
        organization.Website = "https://www." + data.Domain;
        organization.FoundedOn = DemoEligibility.FoundedOn(index);
        if (index < DemoData.FirstPendingOrganization)
        {
            organization.Verify(people.Officer.Id, registeredAt + Duration.FromDays(3));
        }
        else if (index == DemoData.RejectedOrganization)
        {
            organization.Reject(people.Officer.Id, DemoData.RejectionReason, now - Duration.FromDays(15));
        }

        return organization;
    }

    private BudgetYear YearOf(int year, long envelope)
    {
        if (!years.TryGetValue(year, out var budgetYear))
        {
            budgetYear = BudgetYear.Open(year, new Krw(envelope));
            years.Add(year, budgetYear);
            db.BudgetYears.Add(budgetYear);
        }

        return budgetYear;
    }

    /// <summary>Version 1 of every call's form: the default one, and the YOUTH call's own questions after it.</summary>
    private void AddForms()
    {
        foreach (var call in years.Values.SelectMany(y => y.Calls))
        {
            var form = new ApplicationFormVersion
            {
                CallId = call.Id,
                Stage = FormStage.Full,
                Number = 1,
                Definition = call == callA ? DemoForms.Youth : DefaultForm.Definition,
                SavedAt = call.OpensAt - Duration.FromDays(1),
                SavedById = people.Officer.Id,
            };
            forms[call] = form;
            db.ApplicationFormVersions.Add(form);
        }
    }

    private Call AddCall(BudgetYear year, string code, string titleKorean, string titleEnglish, ProjectCategories categories, long envelope, long maximumMillions, Instant opensAt, Instant closesAt, LocalDate reviewDueOn, bool blind)
    {
        var call = new Call
        {
            BudgetYear = year,
            Code = code,
            TitleKorean = titleKorean,
            TitleEnglish = titleEnglish,
            DescriptionKorean = "북한인권 개선을 위해 활동하는 비영리 민간단체의 사업을 지원합니다. 유엔 북한인권 조사위원회(COI) 권고 1224호(시민사회 활동 지원)에 따른 사업입니다. "
                + "신청 단체는 포털에 등록하고 검증을 마쳐야 하며, 사업 기간은 회계연도 안이어야 합니다.",
            DescriptionEnglish = "Supports projects of non-profit civil-society organizations working to improve human rights in North Korea, under recommendation 1224 "
                + "of the UN Commission of Inquiry (support for civil society). Applicants must be registered and verified in the portal; projects must end within the budget year.",
            Categories = categories,
            Envelope = new Krw(envelope),
            MinimumRequest = new Krw(10 * Million),
            MaximumRequest = new Krw(maximumMillions * Million),
            OpensAt = opensAt,
            ClosesAt = closesAt,
            ReviewersPerApplication = 3,
            ReviewDueOn = reviewDueOn,
            BlindReview = blind,
        };
        call.Criteria.AddRange(
        [
            new RubricCriterion { Order = 1, NameKorean = "사업의 필요성과 목적 적합성", NameEnglish = "Relevance and need", DescriptionKorean = "북한인권 개선과 공모 목적에 얼마나 부합하는가", DescriptionEnglish = "How well the project serves the call's purpose and North Korean human rights", Weight = 30m, ScaleMinimum = 1, ScaleMaximum = 10 },
            new RubricCriterion { Order = 2, NameKorean = "사업 계획의 구체성과 실현 가능성", NameEnglish = "Quality and feasibility of the plan", DescriptionKorean = "활동, 일정, 성과 지표가 구체적이고 실현 가능한가", DescriptionEnglish = "Whether activities, timeline and indicators are specific and achievable", Weight = 30m, ScaleMinimum = 1, ScaleMaximum = 10 },
            new RubricCriterion { Order = 3, NameKorean = "단체의 수행 역량", NameEnglish = "Organizational capacity", DescriptionKorean = "유사 사업 경험과 인력, 관리 체계", DescriptionEnglish = "Track record, staff and management", Weight = 20m, ScaleMinimum = 1, ScaleMaximum = 5 },
            new RubricCriterion { Order = 4, NameKorean = "예산의 적정성", NameEnglish = "Value for money", DescriptionKorean = "예산 항목과 산출 근거가 합리적인가", DescriptionEnglish = "Whether the budget lines and their basis are reasonable", Weight = 20m, ScaleMinimum = 1, ScaleMaximum = 5 },
        ]);
        call.Recommendations.Add(new CallRecommendation { RecommendationId = recommendations[CoiRecommendations.CivilSociety].Id });
        AddIndicators(call, code == "YOUTH" ? DemoIndicators.Youth : StandardIndicators.All);
        year.Calls.Add(call);
        criteria[call] = call.Criteria;
        return call;
    }

    /// <summary>applicant2's organization follows culture and arts, so the newly published CULT call is announced to it.</summary>
    private void AddCallAlerts() =>
        db.CallAlerts.Add(new CallAlerts
        {
            OrganizationId = organizations[DemoData.Applicant2Organization].Id,
            Followed = ProjectCategories.CultureAndArts | ProjectCategories.ConferencesAndAdvocacy,
            ChangedById = people.Applicants[DemoData.Applicant2Organization].Id,
            ChangedAt = DaysAgo(60, 10, 11),
        });

    private void AddReviewerProfiles()
    {
        string[] biographies =
        [
            "북한학 박사. 북한인권 실태조사와 탈북민 면접 조사를 15년 동안 수행했습니다.",
            "Former UN human rights officer; works on documentation standards and accountability.",
            "문화예술 기획자. 공연과 전시의 공공 지원 사업을 다수 심사했습니다.",
            "International lawyer specializing in international criminal law and evidence.",
            "청소년 인권교육 전문가. 교사 연수 과정을 설계하고 운영합니다.",
        ];
        ProjectCategories[] expertise =
        [
            ProjectCategories.ResearchAndDocumentation | ProjectCategories.CapacityBuilding,
            ProjectCategories.ResearchAndDocumentation | ProjectCategories.ConferencesAndAdvocacy,
            ProjectCategories.CultureAndArts,
            ProjectCategories.ConferencesAndAdvocacy | ProjectCategories.ResearchAndDocumentation,
            ProjectCategories.CapacityBuilding | ProjectCategories.CultureAndArts,
        ];
        for (var i = 0; i < people.Reviewers.Count; i++)
        {
            var profile = new ReviewerProfile { UserId = people.Reviewers[i].Id, Expertise = expertise[i % expertise.Length], Biography = biographies[i % biographies.Length] };
            if (ReviewerTies.TryGetValue(i, out var ties))
            {
                foreach (var index in ties)
                {
                    var kind = i switch { 0 => AffiliationKind.FormerEmployee, 1 => AffiliationKind.BoardMember, _ => AffiliationKind.Related };
                    profile.Affiliations.Add(new ReviewerAffiliation { ReviewerId = profile.UserId, OrganizationId = organizations[index].Id, OrganizationName = organizations[index].NameKorean, Kind = kind });
                }
            }

            profile.Affiliations.Add(new ReviewerAffiliation
            {
                ReviewerId = profile.UserId,
                OrganizationName = i % 2 == 0 ? "서해대학교 통일평화연구원" : "Institute for Peace Studies, Seohae University",
                Kind = AffiliationKind.Employee,
            });
            db.ReviewerProfiles.Add(profile);
        }
    }

    private void Add2023()
    {
        var decided = AddDecidedCall(call2023, DemoData.Awarded2023, DemoData.Rejected2023, AwardStatus.Completed);
        foreach (var (award, application, project, k) in decided)
        {
            application.StartDate = new LocalDate(2023, 6, 1).PlusDays(k % 3 * 7);
            application.EndDate = new LocalDate(2023, 11, 30).PlusDays(-(k % 4 * 5));
            var first = AddTranche(award, 1, Share(award.Amount, 60), new LocalDate(2023, 6, 9), null);
            AddPayment(award, first, PaymentStatus.Paid, people.Finance1, Local(2023, 6, 7, 10, k), people.Finance2, Local(2023, 6, 8, 14, k), new LocalDate(2023, 6, 9));

            var report = AddReport(award, application, project, k, ReportKind.Final, new LocalDate(2023, 12, 10), ReportStatus.Approved,
                submittedAt: Local(2023, 12, 1 + (k % 8), 16), reviewedAt: Local(2023, 12, 12, 11, k));
            var second = AddTranche(award, 2, award.Amount - first.Amount, new LocalDate(2023, 12, 15), report);
            AddPayment(award, second, PaymentStatus.Paid, people.Finance2, Local(2023, 12, 13, 10, k), people.Finance1, Local(2023, 12, 14, 14, k), new LocalDate(2023, 12, 15));
        }

        afterFirstSave.Add(() => DemoAgreements.Decide(db, people, decided.Select(d => d.Award)));
    }

    private void Add2024()
    {
        var decided = AddDecidedCall(call2024, DemoData.Awarded2024, DemoData.Rejected2024, AwardStatus.Completed);
        afterFirstSave.Add(() => DemoChanges.Add2024(db, people, (decided[0].Award, decided[0].Application), (decided[^1].Award, decided[^1].Application)));
        foreach (var (award, application, project, k) in decided)
        {
            application.StartDate = new LocalDate(2024, 5, 1);
            application.EndDate = new LocalDate(2024, 11, 30);
            var first = AddTranche(award, 1, Share(award.Amount, 70), new LocalDate(2024, 5, 10), null);
            AddPayment(award, first, PaymentStatus.Paid, people.Finance1, Local(2024, 5, 8, 10, k), people.Finance2, Local(2024, 5, 9, 14, k), new LocalDate(2024, 5, 10));

            // The last four grantees submitted their final reports late; the officer has not reviewed them yet.
            var approved = k < decided.Count - 4;
            var report = approved
                ? AddReport(award, application, project, k, ReportKind.Final, new LocalDate(2024, 12, 10), ReportStatus.Approved, Local(2024, 12, 2 + (k % 7), 16), Local(2024, 12, 13, 11, k))
                : AddReport(award, application, project, k, ReportKind.Final, new LocalDate(2024, 12, 10), ReportStatus.Submitted, Local(2024, 12, 9, 17, k), null);
            var second = AddTranche(award, 2, award.Amount - first.Amount, new LocalDate(2024, 12, 20), report);
            if (approved)
            {
                AddPayment(award, second, PaymentStatus.Paid, people.Finance1, Local(2024, 12, 17, 10, k), people.Finance2, Local(2024, 12, 18, 14, k), new LocalDate(2024, 12, 20));
            }
            else
            {
                award.Status = AwardStatus.Active;
            }
        }

        afterFirstSave.Add(() => DemoAgreements.Decide(db, people, decided.Select(d => d.Award)));
    }

    private void AddCurrentSpring()
    {
        var decided = AddDecidedCall(springCall, DemoData.AwardedCurrentSpring, DemoData.RejectedCurrentSpring, AwardStatus.Active);
        var finalizedOn = Seoul.ToLocal(springCall.FinalizedAt!.Value).Date;
        var start = finalizedOn.PlusDays(10);
        var end = new LocalDate(CurrentYear, 12, 20);
        if (end < today.PlusDays(30))
        {
            end = today.PlusDays(120);
        }

        foreach (var (award, application, project, k) in decided)
        {
            application.StartDate = start;
            application.EndDate = end;
            var first = AddTranche(award, 1, Share(award.Amount, 60), finalizedOn.PlusDays(7), null);
            AddPayment(award, first, PaymentStatus.Paid, people.Finance1, Seoul.StartOf(finalizedOn.PlusDays(5)) + Duration.FromHours(10), people.Finance2,
                Seoul.StartOf(finalizedOn.PlusDays(6)) + Duration.FromHours(14), finalizedOn.PlusDays(7));

            // Interim reports in every state: due soon (the applicants'), approved with the next payment waiting, submitted for the officer.
            var interim = k switch
            {
                0 => AddReport(award, application, project, k, ReportKind.Interim, today.PlusDays(10), ReportStatus.Due, null, null),
                1 => AddReport(award, application, project, k, ReportKind.Interim, today.PlusDays(12), ReportStatus.Draft, null, null),
                <= 4 => AddReport(award, application, project, k, ReportKind.Interim, today.PlusDays(-20), ReportStatus.Approved, now - Duration.FromDays(24), now - Duration.FromDays(14)),
                _ => AddReport(award, application, project, k, ReportKind.Interim, today.PlusDays(-5), ReportStatus.Submitted, now - Duration.FromDays(6) + Duration.FromHours(k), null),
            };
            var second = AddTranche(award, 2, award.Amount - first.Amount, interim.DueOn.PlusDays(14), interim);
            if (k is 2 or 3)
            {
                // Recorded by finance2, so finance1 (the first account people try) is the checker who may approve.
                AddPayment(award, second, PaymentStatus.AwaitingApproval, people.Finance2, now - Duration.FromHours(20 + k), null, null, null);
            }
            else if (k == 4)
            {
                AddPayment(award, second, PaymentStatus.Approved, people.Finance1, now - Duration.FromDays(3), people.Finance2, now - Duration.FromDays(2), null);
            }

            AddReport(award, application, project, k, ReportKind.Final, end.PlusDays(20), ReportStatus.Due, null, null);
        }

        afterFirstSave.Add(() => DemoAgreements.Decide(db, people, decided.Select(d => d.Award)));
        afterFirstSave.Add(() => DemoAgreements.AskToChangeAccount(db, people, decided[^1].Award, now));
    }

    /// <summary>
    /// The rapid call's awards: tranches planned, nothing paid, the final report ahead. Their agreements are made by the
    /// seeder through the grantees' own steps once everything is saved (<see cref="DemoAgreementSteps"/>).
    /// </summary>
    private void AddCurrentRapid()
    {
        var decided = AddDecidedCall(rapidCall, DemoData.AwardedCurrentRapid, DemoData.RejectedCurrentRapid, AwardStatus.Active);
        rapidCall.AwardConditionsKorean = DemoAgreements.ConditionsKorean;
        rapidCall.AwardConditionsEnglish = DemoAgreements.ConditionsEnglish;
        var finalizedOn = Seoul.ToLocal(rapidCall.FinalizedAt!.Value).Date;
        var start = finalizedOn.PlusDays(10);
        var end = LocalDate.Max(new LocalDate(CurrentYear, 12, 31), start.PlusDays(30));
        foreach (var (award, application, project, k) in decided)
        {
            application.StartDate = start;
            application.EndDate = end;
            AddTranche(award, 1, Share(award.Amount, 70), finalizedOn.PlusDays(14), null);
            var final = AddReport(award, application, project, k, ReportKind.Final, end.PlusDays(20), ReportStatus.Due, null, null);
            AddTranche(award, 2, award.Amount - Share(award.Amount, 70), end.PlusDays(25), final);
        }

        AgreementStepAwards = decided.Select(d => d.Award).ToList();
    }

    private void AddCurrentUnderReview()
    {
        var projects = DemoData.UnderReviewCurrent;
        var assignedAt = reviewCall.ClosesAt + Duration.FromDays(3);
        var reviewers = people.Reviewers;
        for (var k = 0; k < projects.Length; k++)
        {
            var project = projects[k];
            var application = NewApplication(reviewCall, project, k, SubmittedAt(reviewCall, k, projects.Length) - Duration.FromDays(8));
            Submit(application, reviewCall, SubmittedAt(reviewCall, k, projects.Length));
            application.StartReview();

            // reviewer1 and reviewer2 on every application, with a third reviewer in rotation; their work is half done.
            var extra = 2 + (k % (reviewers.Count - 2));
            int[] chosen = [0, 1, extra];
            foreach (var r in chosen)
            {
                var state = (r, k) switch
                {
                    (0, 0) or (1, 1) => ReviewStatus.Submitted,
                    (0, 1 or 2) or (1, 0) => ReviewStatus.Draft,
                    (0 or 1, _) => (ReviewStatus?)null,
                    _ => k % 2 == 0 ? ReviewStatus.Submitted : ReviewStatus.Draft,
                };
                AddAssignment(application, reviewCall, r, assignedAt, reviewCall.ReviewDueOn, state, positive: k % 3 != 2, reviewedAt: now - Duration.FromHours(30 + (k * 5) + r), seed: (k * 7) + r);
            }

            if (k == 2)
            {
                // The reviewer in rotation declared a tie and was replaced before assignment.
                var declaredBy = reviewers[2 + ((k + 2) % (reviewers.Count - 2))];
                afterFirstSave.Add(() => db.Conflicts.Add(new ConflictOfInterest
                {
                    ApplicationId = application.Id,
                    ReviewerId = declaredBy.Id,
                    Source = ConflictSource.Declared,
                    Reason = "2년 전 이 극단의 공연 자문위원으로 활동했습니다.",
                    RecordedAt = assignedAt - Duration.FromHours(2),
                    RecordedById = declaredBy.Id,
                }));
            }
        }
    }

    private void AddOpenCall(Call call, DemoProject[] projects, int submitted)
    {
        for (var k = 0; k < projects.Length; k++)
        {
            var project = projects[k];
            if (k < submitted)
            {
                var submittedAt = now - Duration.FromDays(submitted - k) - Duration.FromHours(3 + k);
                var application = NewApplication(call, project, k, Max(call.OpensAt, submittedAt - Duration.FromDays(6)));
                Submit(application, call, submittedAt);
                if (call == callA && k == 1)
                {
                    AskForMoreInformation(application, submittedAt);
                }
            }
            else
            {
                var createdAt = Max(call.OpensAt, now - Duration.FromDays(projects.Length - k));
                var application = NewApplication(call, project, k, createdAt);
                application.DeclarationAccepted = false;
                if (k % 2 == 1)
                {
                    // A draft in progress: the applicant has not written the activities yet.
                    application.Answers.Remove(DefaultForm.Activities);
                }

                application.MarkSaved(Max(createdAt, now - Duration.FromHours(2 + (k * 3))));
            }
        }
    }

    /// <summary>One request for more information (보완 요청) in intake, due in two days: the reminder pass has one to send.</summary>
    private void AskForMoreInformation(Application application, Instant submittedAt)
    {
        var officer = new CurrentUser(people.Officer.Id, people.Officer.DisplayName, null, new HashSet<string> { Roles.ProgramOfficer });
        afterFirstSave.Add(() => db.InformationRequests.Add(InformationRequest.Open(
            application,
            "사업 기간 중 참가자 안전 관리 계획을 구체적으로 적어 주시고, 요약에 서포터즈 선발 기준을 덧붙여 주세요.",
            [ReopenableFields.Summary, ReopenableFields.BudgetLines],
            today.PlusDays(2),
            officer,
            Max(submittedAt, now - Duration.FromDays(3)))));
    }

    private List<(Award Award, Application Application, DemoProject Project, int Index)> AddDecidedCall(Call call, DemoProject[] awarded, DemoProject[] rejected, AwardStatus status)
    {
        var finalizedAt = call.FinalizedAt!.Value;
        var all = awarded.Select(p => (Project: p, Awarded: true)).Concat(rejected.Select(p => (Project: p, Awarded: false))).ToArray();
        var decided = new List<(Award, Application, DemoProject, int)>();
        var awardIndex = 0;
        for (var k = 0; k < all.Length; k++)
        {
            var (project, isAwarded) = all[k];
            var submittedAt = SubmittedAt(call, k, all.Length);
            var application = NewApplication(call, project, k, submittedAt - Duration.FromDays(10 + (k % 7)));
            Submit(application, call, submittedAt);
            application.StartReview();

            // Assigned just after the deadline, scored inside the review window.
            var window = Seoul.StartOf(call.ReviewDueOn) - call.ClosesAt;
            var reviewedAt = call.ClosesAt + window * (k + 1) / (all.Length + 1);
            foreach (var r in PickReviewers(project.Organization, k))
            {
                AddAssignment(application, call, r, call.ClosesAt + Duration.FromHours(2), call.ReviewDueOn, ReviewStatus.Submitted, isAwarded, reviewedAt + Duration.FromMinutes(r * 17), (k * 5) + r);
            }

            if (!isAwarded)
            {
                application.RecordPanelDecision(PanelDecision.Decline, "예산 한도 안에서 우선순위가 높은 사업을 선정했습니다. 평가 의견을 참고해 다음 공모에 다시 신청해 주십시오.");
                application.MarkRejected();
                continue;
            }

            application.RecordPanelDecision(PanelDecision.Fund, project.ReductionMillions > 0 ? "일부 예산 조정 후 지원" : "지원");
            application.MarkAwarded();
            var award = new Award
            {
                Application = application,
                CallId = call.Id,
                OrganizationId = organizations[project.Organization].Id,
                Amount = new Krw(project.AwardMillions * Million),
                ReductionReason = project.ReductionMillions > 0
                    ? "심사위원회 의견에 따라 중복되거나 단가가 높은 항목(홍보비, 장비 임차 등)을 조정했습니다."
                    : null,
                Conditions = "사업비는 전용 계좌로 관리하고, 모든 간행물과 홍보물에 통일부 지원 사업임을 표기합니다.",
                Status = status,
                AwardedAt = finalizedAt,
                AwardedById = people.Officer.Id,
            };
            award.Recommendations.Add(new AwardRecommendation { RecommendationId = recommendations[CoiRecommendations.CivilSociety].Id });
            foreach (var code in project.ExtraRecommendations ?? [])
            {
                award.Recommendations.Add(new AwardRecommendation { RecommendationId = recommendations[code].Id });
            }

            db.Awards.Add(award);
            Awards++;
            decided.Add((award, application, project, awardIndex++));
        }

        var total = Krw.Sum(decided.Select(d => d.Item1.Amount));
        if (total > call.Envelope)
        {
            throw new InvalidOperationException($"Demo awards of {call.Code} {total} exceed the envelope {call.Envelope}.");
        }

        return decided;
    }

    private Application NewApplication(Call call, DemoProject project, int k, Instant createdAt)
    {
        var data = DemoData.Organizations[project.Organization];
        var language = data.Language;
        var text = DemoTexts.For(project.Category);
        var application = Application.StartDraft(call, organizations[project.Organization].Id, people.Applicants[project.Organization].Id, createdAt);
        application.ProjectTitle = project.Title;
        application.Summary = project.Summary;
        application.Answers[DefaultForm.Objectives] = DemoTexts.Pick(language, text.ObjectivesKorean, text.ObjectivesEnglish);
        application.Answers[DefaultForm.Activities] = DemoTexts.Pick(language, text.ActivitiesKorean, text.ActivitiesEnglish);
        application.Answers[DefaultForm.Beneficiaries] = DemoTexts.Pick(language, text.BeneficiariesKorean, text.BeneficiariesEnglish);
        if (call == callA)
        {
            foreach (var (key, answer) in DemoForms.YouthAnswers(k, language))
            {
                application.Answers[key] = answer;
            }
        }

        // The form version has its id only once saved.
        var form = forms[call];
        afterFirstSave.Add(() => application.FormVersionId = form.Id);
        application.Category = project.Category;
        application.DeclarationAccepted = true;
        if (call != call2023 && call != call2024)
        {
            // The 2023 and 2024 applications were made before calls had indicators: they have no targets.
            AddTargets(application, call, project.Category, k);
        }

        // A project starts some weeks after the call closes and ends inside the call's budget year, as the form requires.
        var callYear = call.BudgetYear!.Year;
        var spread = k % 3 * (ProjectStartSpreadDays / 2);
        var startDate = Seoul.ToLocal(call.ClosesAt).Date.PlusDays(ProjectStartAfterCloseDays + spread);
        var earliest = new LocalDate(callYear, 1, 1).PlusDays(spread);
        var latest = new LocalDate(callYear, 12, 1);
        application.StartDate = startDate < earliest ? earliest : startDate > latest ? latest : startDate;
        application.EndDate = ProjectsEnd(callYear);

        var requested = project.RequestedMillions * Million;
        var shares = text.Budget;
        var allocated = 0L;
        for (var i = 0; i < shares.Length; i++)
        {
            var amount = i == shares.Length - 1 ? requested - allocated : requested * shares[i].Percent / 100 / 10_000 * 10_000;
            allocated += amount;
            application.BudgetLines.Add(new BudgetLine
            {
                Order = i + 1,
                Category = shares[i].Category,
                Item = DemoTexts.Pick(language, shares[i].ItemKorean, shares[i].ItemEnglish),
                Amount = new Krw(amount),
                Justification = DemoTexts.Justification(language),
            });
        }

        AddOwnContribution(application, call, requested, language, shares.Length + 1);
        db.Applications.Add(application);
        Applications++;
        return application;
    }

    /// <summary>
    /// A call that asks for own contribution (자부담) gets it as one line of the organization's own funds, the least whole
    /// 10,000 won that meets the minimum share; the grant request stays as the project asked.
    /// </summary>
    private static void AddOwnContribution(Application application, Call call, long requested, string language, int order)
    {
        if (call.BudgetRules.MinimumOwnContributionPercent is not { } percent || percent <= 0m)
        {
            return;
        }

        // own / (requested + own) >= percent / 100, so own >= requested * percent / (100 - percent).
        var own = (long)decimal.Ceiling(requested * percent / (100m - percent) / 10_000m) * 10_000;
        application.BudgetLines.Add(new BudgetLine
        {
            Order = order,
            Category = BudgetCategory.Activities,
            Item = DemoTexts.Pick(language, "단체 자부담 (회비·후원금)", "Own contribution (membership fees and donations)"),
            Amount = new Krw(own),
            Justification = DemoTexts.Justification(language),
            IsOwnContribution = true,
        });
    }

    private void Submit(Application application, Call call, Instant at)
    {
        var sequence = receiptSequence.GetValueOrDefault(call) + 1;
        receiptSequence[call] = sequence;
        var year = call.BudgetYear!.Year;
        application.Submit(string.Create(CultureInfo.InvariantCulture, $"{year}-{call.Code}-{sequence:0000}"), at);
    }

    /// <summary>Submissions spread over the last days before the deadline, in receipt order.</summary>
    private static Instant SubmittedAt(Call call, int k, int count)
    {
        var window = call.ClosesAt - call.OpensAt;
        return call.OpensAt + (window * (k + 1) / (count + 2));
    }

    private IEnumerable<int> PickReviewers(int organization, int seed)
    {
        var pool = people.Reviewers.Count;
        var picked = 0;
        for (var i = 0; i < pool && picked < 3; i++)
        {
            var r = (seed + i) % pool;
            if (ReviewerTies.TryGetValue(r, out var ties) && ties.Contains(organization))
            {
                continue;
            }

            picked++;
            yield return r;
        }
    }

    private void AddAssignment(Application application, Call call, int reviewerIndex, Instant assignedAt, LocalDate dueOn, ReviewStatus? state, bool positive, Instant reviewedAt, int seed)
    {
        var reviewer = people.Reviewers[reviewerIndex];
        var assignment = new ReviewAssignment
        {
            Application = application,
            ReviewerId = reviewer.Id,
            AssignedAt = assignedAt,
            AssignedById = people.Officer.Id,
            DueOn = dueOn,
            NoConflictDeclaredAt = state is null ? null : assignedAt + Duration.FromMinutes(30 + (seed % 60)),
        };
        db.ReviewAssignments.Add(assignment);
        if (state is null)
        {
            return;
        }

        var language = reviewer.PreferredLanguage;
        var review = new Review();
        var rubric = criteria[call];
        var scored = state == ReviewStatus.Submitted ? rubric.Count : 2;
        for (var c = 0; c < scored; c++)
        {
            var criterion = rubric[c];
            review.Scores.Add(new CriterionScore
            {
                CriterionId = criterion.Id,
                Score = Score(criterion, seed + (c * 3), positive),
                Comment = DemoTexts.CriterionComment(language, positive),
            });
        }

        if (state == ReviewStatus.Submitted)
        {
            review.OverallComment = DemoTexts.ReviewComment(language, positive);
            review.Recommendation = positive ? ReviewRecommendation.Fund : (seed % 2 == 0 ? ReviewRecommendation.Decline : ReviewRecommendation.Reserve);
            review.Submit(reviewedAt);
        }

        assignment.Review = review;
    }

    /// <summary>A deterministic score inside the criterion's scale: high for funded proposals, middling for the rest.</summary>
    private static decimal Score(RubricCriterion criterion, int seed, bool positive)
    {
        var span = criterion.ScaleMaximum - criterion.ScaleMinimum;
        var spread = Hash(seed);
        return positive
            ? criterion.ScaleMaximum - (spread % Math.Max(1, (span + 2) / 3))
            : criterion.ScaleMinimum + (span / 4) + (spread % Math.Max(1, (span / 3) + 1));
    }

    private static int Hash(int seed) => (int)(unchecked((uint)seed * 2_654_435_761u) >> 8) & 0x7fff;

    private static Krw Share(Krw amount, int percent) => new(amount.Won * percent / 100 / 10_000 * 10_000);

    private static Tranche AddTranche(Award award, int sequence, Krw amount, LocalDate plannedOn, ProjectReport? gatingReport)
    {
        var tranche = new Tranche { Sequence = sequence, Amount = amount, PlannedOn = plannedOn, GatingReport = gatingReport };
        award.Tranches.Add(tranche);
        return tranche;
    }

    private void AddPayment(Award award, Tranche tranche, PaymentStatus status, PortalUser maker, Instant recordedAt, PortalUser? checker, Instant? approvedAt, LocalDate? paidOn)
    {
        var payment = new Payment
        {
            Amount = tranche.Amount,
            Status = status,
            RecordedById = maker.Id,
            RecordedAt = recordedAt,
            ApprovedById = checker?.Id,
            ApprovedAt = approvedAt,
            PaidOn = paidOn,
            BankReference = paidOn is { } day
                ? string.Create(CultureInfo.InvariantCulture, $"EFT-{day.Year:0000}{day.Month:00}{day.Day:00}-{++bankSequence:00000}")
                : null,
            Note = tranche.Sequence == 1 ? "선금" : "잔금",
        };
        afterFirstSave.Add(() =>
        {
            payment.AwardId = award.Id;
            tranche.Payments.Add(payment);
        });
        Payments++;
    }

    private ProjectReport AddReport(Award award, Application application, DemoProject project, int k, ReportKind kind, LocalDate dueOn, ReportStatus status, Instant? submittedAt, Instant? reviewedAt)
    {
        var language = DemoData.Organizations[project.Organization].Language;
        var text = DemoTexts.For(project.Category);
        var report = new ProjectReport { Kind = kind, DueOn = dueOn, Status = status };
        award.Reports.Add(report);
        Reports++;
        if (status == ReportStatus.Due)
        {
            return report;
        }

        var share = kind == ReportKind.Final ? 100 : 50;
        var (participants, events, publications, reach) = Indicators(project.Category, k);
        report.ActivitiesCarriedOut = DemoTexts.Pick(language, "계획한 활동을 진행했습니다: ", "We carried out the planned activities: ") + DemoTexts.Pick(language, text.ActivitiesKorean, text.ActivitiesEnglish);
        var eventsHeld = events * share / 100;
        var published = kind == ReportKind.Final ? publications : 0;
        AddActuals(report, award.CallId, participants * share / 100, participants * share / 100, eventsHeld, published, reach * share / 100);
        if (status == ReportStatus.Draft)
        {
            // Started but not finished: the outcomes are still to be written.
            return report;
        }

        report.Outcomes = DemoTexts.Pick(language, text.OutcomesKorean, text.OutcomesEnglish);
        report.EventsAndPublications = string.Create(CultureInfo.InvariantCulture, $"{eventsHeld} / {published}")
            + DemoTexts.Pick(language, " (행사 / 발간물)", " (events / publications)");
        report.Lessons = DemoTexts.Lessons(language);
        report.SubmittedAt = submittedAt;
        report.SubmissionCount = k % 7 == 3 ? 2 : 1;
        if (status == ReportStatus.Approved)
        {
            report.ReviewedAt = reviewedAt;
            report.ReviewedById = people.Officer.Id;
            report.OfficerComment = kind == ReportKind.Final ? "결과보고서와 정산 내역을 확인했습니다. 승인합니다." : "중간보고를 확인했습니다. 잔금 지급을 진행합니다.";
        }

        afterFirstSave.Add(() => AddSpending(report, application, award.Amount, share, k, language));
        return report;
    }

    /// <summary>Spending per approved budget line: the lines scaled to the award, spent as planned but for a small shift.</summary>
    private static void AddSpending(ProjectReport report, Application application, Krw awarded, int percentSpent, int k, string language)
    {
        var lines = application.BudgetLines.OrderBy(l => l.Order).ToList();
        var requested = application.RequestedTotal.Won;
        var budgeted = new long[lines.Count];
        var allocated = 0L;
        for (var i = 0; i < lines.Count; i++)
        {
            budgeted[i] = i == lines.Count - 1 ? awarded.Won - allocated : lines[i].Amount.Won * awarded.Won / requested / 10_000 * 10_000;
            allocated += budgeted[i];
        }

        var spent = budgeted.Select(b => b * percentSpent / 100 / 10_000 * 10_000).ToArray();
        if (percentSpent == 100 && lines.Count > 1)
        {
            // Every sixth project moved money between lines by more than 10%, which needs an explanation.
            var shift = budgeted[0] * (k % 6 == 0 ? 12 : 2) / 100 / 10_000 * 10_000;
            spent[0] -= shift;
            spent[1] += shift;
        }

        for (var i = 0; i < lines.Count; i++)
        {
            var line = new SpendingLine
            {
                BudgetLineId = lines[i].Id,
                Category = lines[i].Category,
                Item = lines[i].Item,
                Budgeted = new Krw(budgeted[i]),
                Spent = new Krw(spent[i]),
            };
            if (line.NeedsExplanation)
            {
                line.VarianceExplanation = percentSpent < 100 ? DemoTexts.InterimSpendingNote(language) : DemoTexts.VarianceExplanation(language);
            }

            report.SpendingLines.Add(line);
        }
    }

    private static (int Participants, int Events, int Publications, long MediaReach) Indicators(ProjectCategories category, int k)
    {
        var h = Hash(k + 101);
        return category switch
        {
            ProjectCategories.CapacityBuilding => (40 + (h % 80), 8 + (h % 12), 1 + (h % 2), 5_000 + (h % 25) * 1_000),
            ProjectCategories.CultureAndArts => (800 + (h % 32) * 100, 4 + (h % 16), 1, 50_000 + (h % 25) * 10_000),
            ProjectCategories.ResearchAndDocumentation => (30 + (h % 120), 1 + (h % 3), 1 + (h % 3), 5_000 + (h % 35) * 1_000),
            ProjectCategories.ConferencesAndAdvocacy => (150 + (h % 250), 1 + (h % 4), 1, 20_000 + (h % 10) * 10_000),
            _ => (20, 0, 48, 500_000),
        };
    }

    private static void AddIndicators(Call call, IReadOnlyList<IndicatorForm> indicators)
    {
        var order = 0;
        call.Indicators.AddRange(indicators.Select(i => new CallIndicator
        {
            Order = ++order,
            Key = i.Key,
            Kind = i.Kind,
            NameKorean = i.NameKorean,
            NameEnglish = i.NameEnglish,
            UnitKorean = i.UnitKorean,
            UnitEnglish = i.UnitEnglish,
        }));
    }

    /// <summary>A report's figures on its call's standard indicators, as reports have always counted them.</summary>
    private void AddActuals(ProjectReport report, int callId, long participants, long beneficiaries, long events, long publications, long reach)
    {
        var call = db.Calls.Local.Single(c => c.Id == callId);
        foreach (var (key, actual) in new[] { ("participants", participants), ("beneficiaries", beneficiaries), ("events_held", events), ("publications", publications), ("media_reach", reach) })
        {
            report.IndicatorActuals.Add(new IndicatorActual { CallIndicatorId = call.Indicators.Single(i => i.Key == key).Id, Actual = actual });
        }
    }

    /// <summary>What a project set out to reach on each of its call's indicators: a little more than such projects achieve.</summary>
    private static void AddTargets(Application application, Call call, ProjectCategories category, int k)
    {
        var (participants, events, publications, reach) = Indicators(category, k);
        foreach (var indicator in call.Indicators)
        {
            var target = indicator.Key switch
            {
                "participants" or "beneficiaries" => participants * 11L / 10,
                "events_held" => events + 1L,
                "publications" => publications,
                "media_reach" => reach,
                _ => participants * 6L / 10,
            };
            application.IndicatorTargets.Add(new IndicatorTarget { CallIndicatorId = indicator.Id, Target = target });
        }
    }

    /// <summary>The day projects of a budget year end by, leaving the rest of December for final reports.</summary>
    private static LocalDate ProjectsEnd(int year) => new(year, 12, 15);

    private Instant DaysAgo(int days, int minimum, int hour) =>
        Seoul.ToInstant(today.PlusDays(-Offset(days, minimum)).At(new LocalTime(hour, 0)));

    /// <summary>
    /// How far back a current-year event lies: the full offset late in the year; early in the year the
    /// timeline is squeezed toward January (never below <paramref name="minimum"/> days) so it stays in order.
    /// </summary>
    private int Offset(int days, int minimum)
    {
        var available = today.DayOfYear - 1;
        return available >= 240 ? days : Math.Max(minimum, days * available / 240);
    }

    private static Instant Local(int year, int month, int day, int hour, int minute = 0) =>
        Seoul.ToInstant(new LocalDateTime(year, month, day, hour, minute % 60));

    private static Instant Max(Instant left, Instant right) => left > right ? left : right;
}
