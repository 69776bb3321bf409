using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reviews;

namespace GrantPortal.Core;

/// <summary>
/// Every use case and query of Core, by feature. Each is a stateless singleton (it holds the context factory, the
/// clock, the localizer) that a page, an endpoint or a job injects by its name: a new use case is one line here.
/// </summary>
public static class UseCases
{
    private static readonly Type[] All =
    [
        // Accounts
        typeof(PasswordLinks), typeof(InviteStaff), typeof(ChangeStaffRoles), typeof(UnlockAccount), typeof(SignOutEverywhere),
        typeof(UserDirectory), typeof(TwoFactorEnrollment), typeof(ResetTwoFactor),
        // Applications
        typeof(StartDraft), typeof(SaveDraft), typeof(SubmitApplication), typeof(WithdrawApplication),
        typeof(ReviseApplication), typeof(ApplicationQueries), typeof(ApplicationIntake), typeof(UploadPipeline),
        typeof(UploadAttachment), typeof(DeleteAttachment), typeof(AttachmentStore),
        typeof(RequestMoreInformation), typeof(AnswerInformationRequest), typeof(MessageApplicants), typeof(InformationRequestQueries),
        typeof(ApplicationTimelineQuery), typeof(PrintedApplication), typeof(PrintedReport),
        typeof(StartConceptNote), typeof(SaveConceptNote), typeof(SubmitConceptNote), typeof(ShortlistConceptNote), typeof(StartFullProposal), typeof(ConceptNoteQueries),
        // Awards
        typeof(AwardQueries), typeof(AwardDetailsQuery), typeof(AwardPageQuery), typeof(GranteeAwards), typeof(AwardApplication),
        typeof(AmendAward), typeof(CancelAward), typeof(RecordReturnedFunds), typeof(ReplanTranche),
        typeof(FinalizeCall), typeof(BudgetQueries), typeof(BudgetExports), typeof(SpendingExport),
        typeof(ChangeRules), typeof(RequestChange), typeof(DecideChangeRequest), typeof(ChangeRequestQueries),
        typeof(AgreementRules), typeof(AgreementQueries), typeof(AcceptAwardConditions), typeof(RegisterBankAccount),
        typeof(UploadBankBook), typeof(SignPledge), typeof(SubmitAgreement), typeof(IssueGrantDecision), typeof(ReturnAgreement),
        typeof(DecideAccountChange),
        typeof(SettlementQueries), typeof(MarkIneligibleSpending), typeof(UploadVerificationReport), typeof(ConfirmSettlement),
        // Calls
        typeof(CallQueries), typeof(CreateCall), typeof(UpdateCall), typeof(MoveDeadline), typeof(PublishCall),
        typeof(OpenBudgetYear), typeof(ChangeBudgetYear), typeof(EligibilityQueries), typeof(PublicCallQueries),
        // Dashboards, the audit browser and the open-data feeds
        typeof(Dashboards.DashboardService), typeof(Auditing.AuditBrowser), typeof(Auditing.AuditSealer),
        typeof(Auditing.AuditVerifier), typeof(OpenData.OpenDataService),
        // Forms (the officer's builder)
        typeof(Forms.ApplicationFormQueries), typeof(Forms.SaveApplicationForm), typeof(Forms.CopyApplicationForm),
        // Disbursements
        typeof(FinanceWorklistQuery), typeof(RecordPayment), typeof(ApprovePayment), typeof(MarkPaymentPaid),
        typeof(RejectPayment), typeof(RecordReturnReceived), typeof(ConfirmReturnReceived),
        // Saved views on the worklists
        typeof(Lists.SaveView), typeof(Lists.DeleteView), typeof(Lists.SavedViewQueries),
        // Organizations
        typeof(OrganizationQueries), typeof(VerifyOrganization), typeof(VerifyOrganizations), typeof(UpdateOrganizationDetails),
        typeof(RequestVerificationAgain), typeof(InviteMember), typeof(RemoveMember), typeof(OrganizationMail),
        typeof(FollowCalls),
        // Personal data: the retention pass and the data-subject export
        typeof(Privacy.PersonalDataRetention), typeof(Privacy.PersonalDataExport),
        // Recommendations
        typeof(RecommendationQueries), typeof(SaveRecommendation), typeof(ImportRecommendations),
        typeof(SetAwardCodes), typeof(RecommendationFigures), typeof(AccountabilityService), typeof(NarrativeQueries),
        typeof(PublicAccountability),
        typeof(SaveNarrative),
        // Reporting
        typeof(ReportQueries), typeof(SaveReportDraft), typeof(SubmitReport), typeof(ReviewReport),
        typeof(UploadReceipt), typeof(UploadSpendingEvidence),
        // Reviews
        typeof(AssignmentQueries), typeof(AssignReviewers), typeof(AddReviewer), typeof(RemoveReviewer),
        typeof(PinConflict), typeof(LiftConflict), typeof(ReviewQueries), typeof(DeclareConflict),
        typeof(WithdrawDeclaration), typeof(SaveReview), typeof(SubmitReview), typeof(ReopenReview),
        typeof(RankingQueries), typeof(DecideApplication), typeof(DecideApplications), typeof(AssignReviewerToApplications), typeof(ReviewerProfileService),
    ];

    public static IServiceCollection AddUseCases(this IServiceCollection services)
    {
        foreach (var useCase in All)
        {
            services.AddSingleton(useCase);
        }

        return services;
    }
}
