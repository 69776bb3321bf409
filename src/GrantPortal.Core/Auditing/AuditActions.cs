using System.Reflection;

namespace GrantPortal.Core.Auditing;

/// <summary>
/// Every verb the audit trail records. <see cref="AuditEvent.Record"/> refuses any other, so each code that the
/// portal can write is listed here and has words in both languages (resource <c>Audit_Action_{code}</c>), which a
/// test checks. A new kind of event starts here.
/// </summary>
public static class AuditActions
{
    public const string AccountabilitySaved = "accountability.saved";
    public const string ApplicationDraftStarted = "application.draft-started";
    public const string ApplicationInformationAnswered = "application.information-answered";
    public const string ApplicationInformationRequested = "application.information-requested";
    public const string ApplicationMessageSent = "application.message-sent";
    public const string ApplicationPanelDecision = "application.panel-decision";
    public const string ApplicationRejected = "application.rejected";
    public const string ApplicationReplaced = "application.replaced";
    public const string ApplicationRevisionStarted = "application.revision-started";
    public const string ApplicationSubmitted = "application.submitted";
    public const string ApplicationWithdrawn = "application.withdrawn";
    public const string AttachmentDeleted = "attachment.deleted";
    public const string AttachmentUploaded = "attachment.uploaded";
    public const string AwardAmended = "award.amended";
    public const string AwardCancelled = "award.cancelled";
    public const string AwardCreated = "award.created";
    public const string AwardFundsReturned = "award.funds-returned";
    public const string AwardRecommendationsChanged = "award.recommendations_changed";
    public const string AgreementConditionsAccepted = "agreement.conditions-accepted";
    public const string AgreementPledgeSigned = "agreement.pledge-signed";
    public const string AgreementSubmitted = "agreement.submitted";
    public const string AgreementReturned = "agreement.returned";
    public const string AgreementDecided = "agreement.decided";
    public const string BankAccountRegistered = "bank-account.registered";
    public const string BankAccountApproved = "bank-account.approved";
    public const string BankAccountRefused = "bank-account.refused";
    public const string BankBookUploaded = "bank-book.uploaded";
    public const string ChangeApproved = "change.approved";
    public const string ChangeNoted = "change.noted";
    public const string ChangeRefused = "change.refused";
    public const string ChangeRequested = "change.requested";
    public const string BudgetYearChanged = "budget-year.changed";
    public const string BudgetYearOpened = "budget-year.opened";
    public const string CallChanged = "call.changed";
    public const string CallCreated = "call.created";
    public const string CallDeadlineMoved = "call.deadline-moved";
    public const string CallFinalized = "call.finalized";
    public const string CallPublished = "call.published";
    public const string CallUnpublished = "call.unpublished";
    public const string ConceptNoteDraftStarted = "concept-note.draft-started";
    public const string ConceptNoteInvited = "concept-note.invited";
    public const string ConceptNoteNotInvited = "concept-note.not-invited";
    public const string ConceptNoteSubmitted = "concept-note.submitted";
    public const string ConflictLifted = "conflict.lifted";
    public const string ConflictPinned = "conflict.pinned";
    public const string DemoSeeded = "demo.seeded";
    public const string EvidenceUploaded = "evidence.uploaded";
    public const string FormCopied = "form.copied";
    public const string FormSaved = "form.saved";
    public const string OrganizationCallAlertsChanged = "organization.call-alerts-changed";
    public const string OrganizationDetailsChanged = "organization.details-changed";
    public const string OrganizationMemberInvitationSent = "organization.member-invitation-sent";
    public const string OrganizationMemberInvited = "organization.member-invited";
    public const string OrganizationMemberRemoved = "organization.member-removed";
    public const string OrganizationRegistered = "organization.registered";
    public const string OrganizationRejected = "organization.rejected";
    public const string OrganizationVerificationRequested = "organization.verification-requested";
    public const string OrganizationVerified = "organization.verified";
    public const string PaymentApproved = "payment.approved";
    public const string PaymentPaid = "payment.paid";
    public const string PaymentRecorded = "payment.recorded";
    public const string PaymentRejected = "payment.rejected";
    public const string ReceiptUploaded = "receipt.uploaded";
    public const string RecommendationChanged = "recommendation.changed";
    public const string PersonalDataExported = "privacy.personal-data-exported";
    public const string PersonalDataRetained = "privacy.retention-applied";
    public const string RecommendationCreated = "recommendation.created";
    public const string RecommendationImported = "recommendation.imported";
    public const string ReportApproved = "report.approved";
    public const string ReportReturned = "report.returned";
    public const string ReportSubmitted = "report.submitted";
    public const string ReviewAssigned = "review.assigned";
    public const string ReviewAssignedAutomatically = "review.assigned-automatically";
    public const string ReviewConflictDeclared = "review.conflict-declared";
    public const string ReviewConflictWithdrawn = "review.conflict-withdrawn";
    public const string ReviewNoConflictDeclared = "review.no-conflict-declared";
    public const string ReviewReopened = "review.reopened";
    public const string ReviewSubmitted = "review.submitted";
    public const string ReviewUnassigned = "review.unassigned";
    public const string ReviewerProfileChanged = "reviewer.profile-changed";
    public const string SettlementConfirmed = "settlement.confirmed";
    public const string SettlementIneligibleMarked = "settlement.ineligible-marked";
    public const string SettlementReturnConfirmed = "settlement.return-confirmed";
    public const string SettlementReturnRecorded = "settlement.return-recorded";
    public const string SettlementVerificationUploaded = "settlement.verification-uploaded";
    public const string TrancheReplanned = "tranche.replanned";
    public const string UserInvitationSent = "user.invitation-sent";
    public const string UserInvited = "user.invited";
    public const string UserPasswordResetRequested = "user.password-reset-requested";
    public const string UserPasswordSet = "user.password-set";
    public const string UserRecoveryCodesRenewed = "user.recovery-codes-renewed";
    public const string UserRestored = "user.restored";
    public const string UserRoleGranted = "user.role-granted";
    public const string UserRolesChanged = "user.roles-changed";
    public const string UserSignedOutEverywhere = "user.signed-out-everywhere";
    public const string UserTwoFactorDisabled = "user.two-factor-disabled";
    public const string UserTwoFactorEnabled = "user.two-factor-enabled";
    public const string UserTwoFactorReset = "user.two-factor-reset";
    public const string UserUnlocked = "user.unlocked";

    private static readonly HashSet<string> Known = typeof(AuditActions)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every declared code, in order.</summary>
    public static IReadOnlyList<string> All { get; } = Known.Order(StringComparer.Ordinal).ToList();

    /// <summary>The parts before the dot (<c>payment</c>, <c>budget-year</c>): the trail's filter groups.</summary>
    public static IReadOnlyList<string> Groups { get; } = All.Select(GroupOf).Distinct().ToList();

    public static bool IsKnown(string action) => Known.Contains(action);

    public static string GroupOf(string action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var dot = action.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? action : action[..dot];
    }

    /// <summary>The resource with the words for a code, e.g. <c>Audit_Action_report.returned</c>.</summary>
    public static string WordsKey(string action) => "Audit_Action_" + action;

    /// <summary>The resource with the words for a group, e.g. <c>Audit_Group_payment</c>.</summary>
    public static string GroupKey(string group) => "Audit_Group_" + group;
}
