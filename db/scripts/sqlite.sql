CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AuditEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditEvents" PRIMARY KEY AUTOINCREMENT,
    "OccurredAt" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "EntityType" TEXT NOT NULL,
    "EntityId" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "Reason" TEXT NULL
);

CREATE TABLE "BudgetYears" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetYears" PRIMARY KEY AUTOINCREMENT,
    "Year" INTEGER NOT NULL,
    "Envelope" INTEGER NOT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Organizations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Organizations" PRIMARY KEY AUTOINCREMENT,
    "Name" TEXT NOT NULL,
    "NameKorean" TEXT NOT NULL,
    "RegistrationNumber" TEXT NOT NULL,
    "Type" TEXT NOT NULL,
    "Representative" TEXT NOT NULL,
    "ContactName" TEXT NOT NULL,
    "ContactEmail" TEXT NOT NULL,
    "ContactPhone" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Website" TEXT NULL,
    "Verification" TEXT NOT NULL,
    "RejectionReason" TEXT NULL,
    "VerifiedAt" TEXT NULL,
    "VerifiedById" TEXT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Recommendations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Recommendations" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "SourceDocument" TEXT NOT NULL,
    "Paragraph" TEXT NOT NULL,
    "ShortTitleEnglish" TEXT NOT NULL,
    "ShortTitleKorean" TEXT NOT NULL,
    "TextEnglish" TEXT NOT NULL,
    "TextKorean" TEXT NOT NULL
);

CREATE TABLE "ReminderDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReminderDeliveries" PRIMARY KEY AUTOINCREMENT,
    "Key" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "ItemType" TEXT NOT NULL,
    "ItemId" INTEGER NOT NULL,
    "RecipientId" TEXT NOT NULL,
    "RecipientEmail" TEXT NOT NULL,
    "Deadline" TEXT NOT NULL,
    "LeadTime" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "LastError" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "SentAt" TEXT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Calls" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Calls" PRIMARY KEY AUTOINCREMENT,
    "BudgetYearId" INTEGER NOT NULL,
    "Code" TEXT NOT NULL,
    "TitleEnglish" TEXT NOT NULL,
    "TitleKorean" TEXT NOT NULL,
    "DescriptionEnglish" TEXT NOT NULL,
    "DescriptionKorean" TEXT NOT NULL,
    "Categories" INTEGER NOT NULL,
    "Envelope" INTEGER NOT NULL,
    "MinimumRequest" INTEGER NOT NULL,
    "MaximumRequest" INTEGER NOT NULL,
    "OpensAt" TEXT NOT NULL,
    "ClosesAt" TEXT NOT NULL,
    "ReviewersPerApplication" INTEGER NOT NULL,
    "ReviewDueOn" TEXT NOT NULL,
    "BlindReview" INTEGER NOT NULL,
    "IsPublished" INTEGER NOT NULL,
    "PublishedAt" TEXT NULL,
    "FinalizedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Calls_BudgetYears_BudgetYearId" FOREIGN KEY ("BudgetYearId") REFERENCES "BudgetYears" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "PreferredLanguage" TEXT NOT NULL,
    "OrganizationId" INTEGER NULL,
    "OptOutOfNonEssentialReminders" INTEGER NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" TEXT NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "ProjectTitle" TEXT NOT NULL,
    "Summary" TEXT NOT NULL,
    "Objectives" TEXT NOT NULL,
    "Activities" TEXT NOT NULL,
    "Beneficiaries" TEXT NOT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "Category" TEXT NOT NULL,
    "DeclarationAccepted" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ReceiptNumber" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "LastSavedAt" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    "WithdrawalReason" TEXT NULL,
    "PanelDecision" TEXT NULL,
    "PanelNote" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Applications_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CallRecommendations" (
    "CallId" INTEGER NOT NULL,
    "RecommendationId" INTEGER NOT NULL,
    CONSTRAINT "PK_CallRecommendations" PRIMARY KEY ("CallId", "RecommendationId"),
    CONSTRAINT "FK_CallRecommendations_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CallRecommendations_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "RubricCriteria" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RubricCriteria" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "NameEnglish" TEXT NOT NULL,
    "NameKorean" TEXT NOT NULL,
    "DescriptionEnglish" TEXT NOT NULL,
    "DescriptionKorean" TEXT NOT NULL,
    "Weight" TEXT NOT NULL,
    "ScaleMinimum" INTEGER NOT NULL,
    "ScaleMaximum" INTEGER NOT NULL,
    CONSTRAINT "FK_RubricCriteria_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ReviewerProfiles" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_ReviewerProfiles" PRIMARY KEY,
    "Expertise" INTEGER NOT NULL,
    "Biography" TEXT NULL,
    CONSTRAINT "FK_ReviewerProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Awards" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Awards" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "CallId" INTEGER NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "ReductionReason" TEXT NULL,
    "Conditions" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "AwardedAt" TEXT NOT NULL,
    "AwardedById" TEXT NOT NULL,
    "CancelledAt" TEXT NULL,
    "CancellationReason" TEXT NULL,
    "ReturnedAmount" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Awards_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Awards_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Awards_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "BudgetLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetLines" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Justification" TEXT NOT NULL,
    CONSTRAINT "FK_BudgetLines_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Conflicts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Conflicts" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Reason" TEXT NULL,
    "IsPinned" INTEGER NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" TEXT NULL,
    "LiftedAt" TEXT NULL,
    "LiftedById" TEXT NULL,
    "LiftReason" TEXT NULL,
    CONSTRAINT "FK_Conflicts_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Conflicts_AspNetUsers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReviewAssignments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewAssignments" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "ReviewerId" TEXT NOT NULL,
    "AssignedAt" TEXT NOT NULL,
    "AssignedById" TEXT NULL,
    "DueOn" TEXT NOT NULL,
    "NoConflictDeclaredAt" TEXT NULL,
    CONSTRAINT "FK_ReviewAssignments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ReviewAssignments_AspNetUsers_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ReviewerAffiliations" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ReviewerAffiliations" PRIMARY KEY AUTOINCREMENT,
    "ReviewerId" TEXT NOT NULL,
    "OrganizationId" INTEGER NULL,
    "OrganizationName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    CONSTRAINT "FK_ReviewerAffiliations_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ReviewerAffiliations_ReviewerProfiles_ReviewerId" FOREIGN KEY ("ReviewerId") REFERENCES "ReviewerProfiles" ("UserId") ON DELETE CASCADE
);

CREATE TABLE "AwardRecommendations" (
    "AwardId" INTEGER NOT NULL,
    "RecommendationId" INTEGER NOT NULL,
    CONSTRAINT "PK_AwardRecommendations" PRIMARY KEY ("AwardId", "RecommendationId"),
    CONSTRAINT "FK_AwardRecommendations_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AwardRecommendations_Recommendations_RecommendationId" FOREIGN KEY ("RecommendationId") REFERENCES "Recommendations" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "ProjectReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProjectReports" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ActivitiesCarriedOut" TEXT NOT NULL,
    "Outcomes" TEXT NOT NULL,
    "EventsAndPublications" TEXT NOT NULL,
    "Lessons" TEXT NOT NULL,
    "Participants" INTEGER NOT NULL,
    "Beneficiaries" INTEGER NOT NULL,
    "EventsHeld" INTEGER NOT NULL,
    "Publications" INTEGER NOT NULL,
    "MediaReach" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedById" TEXT NULL,
    "OfficerComment" TEXT NULL,
    "SubmissionCount" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectReports_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Reviews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Reviews" PRIMARY KEY AUTOINCREMENT,
    "AssignmentId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "OverallComment" TEXT NOT NULL,
    "Recommendation" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Reviews_ReviewAssignments_AssignmentId" FOREIGN KEY ("AssignmentId") REFERENCES "ReviewAssignments" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NULL,
    "ProjectReportId" INTEGER NULL,
    "StoredName" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "Sha256" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    CONSTRAINT "FK_Attachments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "SpendingLines" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SpendingLines" PRIMARY KEY AUTOINCREMENT,
    "ProjectReportId" INTEGER NOT NULL,
    "BudgetLineId" INTEGER NULL,
    "Category" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Budgeted" INTEGER NOT NULL,
    "Spent" INTEGER NOT NULL,
    "VarianceExplanation" TEXT NULL,
    CONSTRAINT "FK_SpendingLines_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_SpendingLines_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Tranches" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Tranches" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "PlannedOn" TEXT NOT NULL,
    "GatingReportId" INTEGER NULL,
    CONSTRAINT "FK_Tranches_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Tranches_ProjectReports_GatingReportId" FOREIGN KEY ("GatingReportId") REFERENCES "ProjectReports" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CriterionScores" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CriterionScores" PRIMARY KEY AUTOINCREMENT,
    "ReviewId" INTEGER NOT NULL,
    "CriterionId" INTEGER NOT NULL,
    "Score" TEXT NOT NULL,
    "Comment" TEXT NOT NULL,
    CONSTRAINT "FK_CriterionScores_Reviews_ReviewId" FOREIGN KEY ("ReviewId") REFERENCES "Reviews" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CriterionScores_RubricCriteria_CriterionId" FOREIGN KEY ("CriterionId") REFERENCES "RubricCriteria" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "TrancheId" INTEGER NOT NULL,
    "AwardId" INTEGER NOT NULL,
    "Amount" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "RecordedAt" TEXT NOT NULL,
    "ApprovedById" TEXT NULL,
    "ApprovedAt" TEXT NULL,
    "PaidOn" TEXT NULL,
    "BankReference" TEXT NULL,
    "Note" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Payments_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Tranches_TrancheId" FOREIGN KEY ("TrancheId") REFERENCES "Tranches" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Applications_CallId_Status" ON "Applications" ("CallId", "Status");

CREATE INDEX "IX_Applications_OrganizationId_Status" ON "Applications" ("OrganizationId", "Status");

CREATE INDEX "IX_Applications_ProjectTitle" ON "Applications" ("ProjectTitle");

CREATE UNIQUE INDEX "IX_Applications_ReceiptNumber" ON "Applications" ("ReceiptNumber");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_OrganizationId" ON "AspNetUsers" ("OrganizationId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE INDEX "IX_Attachments_ApplicationId" ON "Attachments" ("ApplicationId");

CREATE INDEX "IX_Attachments_ProjectReportId" ON "Attachments" ("ProjectReportId");

CREATE UNIQUE INDEX "IX_Attachments_StoredName" ON "Attachments" ("StoredName");

CREATE INDEX "IX_AuditEvents_ActorId" ON "AuditEvents" ("ActorId");

CREATE INDEX "IX_AuditEvents_EntityType_EntityId" ON "AuditEvents" ("EntityType", "EntityId");

CREATE INDEX "IX_AuditEvents_OccurredAt" ON "AuditEvents" ("OccurredAt");

CREATE INDEX "IX_AwardRecommendations_RecommendationId" ON "AwardRecommendations" ("RecommendationId");

CREATE UNIQUE INDEX "IX_Awards_ApplicationId" ON "Awards" ("ApplicationId");

CREATE INDEX "IX_Awards_CallId_Status" ON "Awards" ("CallId", "Status");

CREATE INDEX "IX_Awards_OrganizationId" ON "Awards" ("OrganizationId");

CREATE INDEX "IX_BudgetLines_ApplicationId" ON "BudgetLines" ("ApplicationId");

CREATE UNIQUE INDEX "IX_BudgetYears_Year" ON "BudgetYears" ("Year");

CREATE INDEX "IX_CallRecommendations_RecommendationId" ON "CallRecommendations" ("RecommendationId");

CREATE INDEX "IX_Calls_BudgetYearId" ON "Calls" ("BudgetYearId");

CREATE INDEX "IX_Calls_IsPublished_ClosesAt" ON "Calls" ("IsPublished", "ClosesAt");

CREATE UNIQUE INDEX "IX_Conflicts_ApplicationId_ReviewerId_Source" ON "Conflicts" ("ApplicationId", "ReviewerId", "Source");

CREATE INDEX "IX_Conflicts_ReviewerId" ON "Conflicts" ("ReviewerId");

CREATE INDEX "IX_CriterionScores_CriterionId" ON "CriterionScores" ("CriterionId");

CREATE UNIQUE INDEX "IX_CriterionScores_ReviewId_CriterionId" ON "CriterionScores" ("ReviewId", "CriterionId");

CREATE UNIQUE INDEX "IX_Organizations_RegistrationNumber" ON "Organizations" ("RegistrationNumber");

CREATE INDEX "IX_Payments_AwardId" ON "Payments" ("AwardId");

CREATE INDEX "IX_Payments_Status_RecordedAt" ON "Payments" ("Status", "RecordedAt");

CREATE INDEX "IX_Payments_TrancheId" ON "Payments" ("TrancheId");

CREATE INDEX "IX_ProjectReports_AwardId_Kind" ON "ProjectReports" ("AwardId", "Kind");

CREATE INDEX "IX_ProjectReports_Status_DueOn" ON "ProjectReports" ("Status", "DueOn");

CREATE UNIQUE INDEX "IX_Recommendations_Code" ON "Recommendations" ("Code");

CREATE UNIQUE INDEX "IX_ReminderDeliveries_Key" ON "ReminderDeliveries" ("Key");

CREATE INDEX "IX_ReminderDeliveries_RecipientId" ON "ReminderDeliveries" ("RecipientId");

CREATE INDEX "IX_ReminderDeliveries_Status_CreatedAt" ON "ReminderDeliveries" ("Status", "CreatedAt");

CREATE UNIQUE INDEX "IX_ReviewAssignments_ApplicationId_ReviewerId" ON "ReviewAssignments" ("ApplicationId", "ReviewerId");

CREATE INDEX "IX_ReviewAssignments_ReviewerId_DueOn" ON "ReviewAssignments" ("ReviewerId", "DueOn");

CREATE INDEX "IX_ReviewerAffiliations_OrganizationId" ON "ReviewerAffiliations" ("OrganizationId");

CREATE INDEX "IX_ReviewerAffiliations_ReviewerId" ON "ReviewerAffiliations" ("ReviewerId");

CREATE UNIQUE INDEX "IX_Reviews_AssignmentId" ON "Reviews" ("AssignmentId");

CREATE INDEX "IX_RubricCriteria_CallId" ON "RubricCriteria" ("CallId");

CREATE INDEX "IX_SpendingLines_BudgetLineId" ON "SpendingLines" ("BudgetLineId");

CREATE INDEX "IX_SpendingLines_ProjectReportId" ON "SpendingLines" ("ProjectReportId");

CREATE UNIQUE INDEX "IX_Tranches_AwardId_Sequence" ON "Tranches" ("AwardId", "Sequence");

CREATE INDEX "IX_Tranches_GatingReportId" ON "Tranches" ("GatingReportId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261127235957_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128003600_DataProtectionKeys', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "ReminderDeliveries" ADD "ClaimedAt" TEXT NULL;

ALTER TABLE "ReminderDeliveries" ADD "ItemTitle" TEXT NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128041326_Reminders', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Applications" ADD "RevisesId" INTEGER NULL;

CREATE INDEX "IX_Applications_RevisesId" ON "Applications" ("RevisesId");

CREATE TABLE "ef_temp_Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "Activities" TEXT NOT NULL,
    "Beneficiaries" TEXT NOT NULL,
    "CallId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "DeclarationAccepted" INTEGER NOT NULL,
    "EndDate" TEXT NULL,
    "LastSavedAt" TEXT NOT NULL,
    "Objectives" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "PanelDecision" TEXT NULL,
    "PanelNote" TEXT NULL,
    "ProjectTitle" TEXT NOT NULL,
    "ReceiptNumber" TEXT NULL,
    "RevisesId" INTEGER NULL,
    "StartDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "WithdrawalReason" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    CONSTRAINT "FK_Applications_Applications_RevisesId" FOREIGN KEY ("RevisesId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Applications" ("Id", "Activities", "Beneficiaries", "CallId", "Category", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "LastSavedAt", "Objectives", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt")
SELECT "Id", "Activities", "Beneficiaries", "CallId", "Category", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "LastSavedAt", "Objectives", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt"
FROM "Applications";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Applications";

ALTER TABLE "ef_temp_Applications" RENAME TO "Applications";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Applications_CallId_Status" ON "Applications" ("CallId", "Status");

CREATE INDEX "IX_Applications_OrganizationId_Status" ON "Applications" ("OrganizationId", "Status");

CREATE INDEX "IX_Applications_ProjectTitle" ON "Applications" ("ProjectTitle");

CREATE UNIQUE INDEX "IX_Applications_ReceiptNumber" ON "Applications" ("ReceiptNumber");

CREATE INDEX "IX_Applications_RevisesId" ON "Applications" ("RevisesId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128132421_ApplicationRevisions', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "SavedNarratives" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SavedNarratives" PRIMARY KEY AUTOINCREMENT,
    "Code" TEXT NOT NULL,
    "FromYear" INTEGER NOT NULL,
    "ToYear" INTEGER NOT NULL,
    "Language" TEXT NOT NULL,
    "Heading" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedById" TEXT NOT NULL,
    "SavedByName" TEXT NOT NULL,
    "Version" INTEGER NOT NULL
);

CREATE UNIQUE INDEX "IX_SavedNarratives_Code_FromYear_ToYear_Language" ON "SavedNarratives" ("Code", "FromYear", "ToYear", "Language");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130090524_SavedNarratives', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "RemovedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130100847_MemberRemoval', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Calls" ADD "ReceiptsRequired" TEXT NOT NULL DEFAULT 'FinalReport';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130155317_CallReceiptRequirement', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "OutboxMessages" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
    "Purpose" TEXT NOT NULL,
    "RecipientEmail" TEXT NOT NULL,
    "RecipientName" TEXT NOT NULL,
    "Language" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" TEXT NOT NULL,
    "ClaimToken" TEXT NULL,
    "ClaimedAt" TEXT NULL,
    "SentAt" TEXT NULL,
    "LastError" TEXT NULL
);

CREATE INDEX "IX_OutboxMessages_ClaimToken" ON "OutboxMessages" ("ClaimToken");

CREATE INDEX "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130192804_OutboxMessages', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Organizations" ADD "FoundedOn" TEXT NULL;

ALTER TABLE "Calls" ADD "BudgetRules" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Calls" ADD "Eligibility" TEXT NOT NULL DEFAULT '';

ALTER TABLE "BudgetLines" ADD "IsOwnContribution" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Attachments" ADD "QuestionKey" TEXT NULL;

ALTER TABLE "Applications" ADD "Answers" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Applications" ADD "FormVersionId" INTEGER NULL;

CREATE TABLE "ApplicationFormVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ApplicationFormVersions" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "Stage" TEXT NOT NULL,
    "Number" INTEGER NOT NULL,
    "Definition" TEXT NOT NULL,
    "SavedAt" TEXT NOT NULL,
    "SavedById" TEXT NOT NULL,
    CONSTRAINT "FK_ApplicationFormVersions_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CallIndicators" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_CallIndicators" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "Order" INTEGER NOT NULL,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "NameKorean" TEXT NOT NULL,
    "NameEnglish" TEXT NOT NULL,
    "UnitKorean" TEXT NOT NULL,
    "UnitEnglish" TEXT NOT NULL,
    CONSTRAINT "FK_CallIndicators_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "EligibilityScreenOuts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_EligibilityScreenOuts" PRIMARY KEY AUTOINCREMENT,
    "CallId" INTEGER NOT NULL,
    "QuestionKey" TEXT NOT NULL,
    "At" TEXT NOT NULL,
    CONSTRAINT "FK_EligibilityScreenOuts_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorActuals" (
    "ProjectReportId" INTEGER NOT NULL,
    "CallIndicatorId" INTEGER NOT NULL,
    "Actual" INTEGER NOT NULL,
    "Explanation" TEXT NULL,
    CONSTRAINT "PK_IndicatorActuals" PRIMARY KEY ("ProjectReportId", "CallIndicatorId"),
    CONSTRAINT "FK_IndicatorActuals_CallIndicators_CallIndicatorId" FOREIGN KEY ("CallIndicatorId") REFERENCES "CallIndicators" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_IndicatorActuals_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id") ON DELETE CASCADE
);

CREATE TABLE "IndicatorTargets" (
    "ApplicationId" INTEGER NOT NULL,
    "CallIndicatorId" INTEGER NOT NULL,
    "Target" INTEGER NOT NULL,
    CONSTRAINT "PK_IndicatorTargets" PRIMARY KEY ("ApplicationId", "CallIndicatorId"),
    CONSTRAINT "FK_IndicatorTargets_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_IndicatorTargets_CallIndicators_CallIndicatorId" FOREIGN KEY ("CallIndicatorId") REFERENCES "CallIndicators" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_Applications_FormVersionId" ON "Applications" ("FormVersionId");

CREATE UNIQUE INDEX "IX_ApplicationFormVersions_CallId_Stage_Number" ON "ApplicationFormVersions" ("CallId", "Stage", "Number");

CREATE UNIQUE INDEX "IX_CallIndicators_CallId_Key" ON "CallIndicators" ("CallId", "Key");

CREATE INDEX "IX_EligibilityScreenOuts_CallId_QuestionKey" ON "EligibilityScreenOuts" ("CallId", "QuestionKey");

CREATE INDEX "IX_IndicatorActuals_CallIndicatorId" ON "IndicatorActuals" ("CallIndicatorId");

CREATE INDEX "IX_IndicatorTargets_CallIndicatorId" ON "IndicatorTargets" ("CallIndicatorId");

CREATE TABLE "ef_temp_Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "Activities" TEXT NOT NULL,
    "Answers" TEXT NOT NULL,
    "Beneficiaries" TEXT NOT NULL,
    "CallId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "DeclarationAccepted" INTEGER NOT NULL,
    "EndDate" TEXT NULL,
    "FormVersionId" INTEGER NULL,
    "LastSavedAt" TEXT NOT NULL,
    "Objectives" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "PanelDecision" TEXT NULL,
    "PanelNote" TEXT NULL,
    "ProjectTitle" TEXT NOT NULL,
    "ReceiptNumber" TEXT NULL,
    "RevisesId" INTEGER NULL,
    "StartDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "WithdrawalReason" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    CONSTRAINT "FK_Applications_ApplicationFormVersions_FormVersionId" FOREIGN KEY ("FormVersionId") REFERENCES "ApplicationFormVersions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Applications_RevisesId" FOREIGN KEY ("RevisesId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Applications" ("Id", "Activities", "Answers", "Beneficiaries", "CallId", "Category", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "FormVersionId", "LastSavedAt", "Objectives", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt")
SELECT "Id", "Activities", "Answers", "Beneficiaries", "CallId", "Category", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "FormVersionId", "LastSavedAt", "Objectives", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt"
FROM "Applications";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Applications";

ALTER TABLE "ef_temp_Applications" RENAME TO "Applications";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Applications_CallId_Status" ON "Applications" ("CallId", "Status");

CREATE INDEX "IX_Applications_FormVersionId" ON "Applications" ("FormVersionId");

CREATE INDEX "IX_Applications_OrganizationId_Status" ON "Applications" ("OrganizationId", "Status");

CREATE INDEX "IX_Applications_ProjectTitle" ON "Applications" ("ProjectTitle");

CREATE UNIQUE INDEX "IX_Applications_ReceiptNumber" ON "Applications" ("ReceiptNumber");

CREATE INDEX "IX_Applications_RevisesId" ON "Applications" ("RevisesId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130221501_ConfigurableCalls', '10.0.15');

BEGIN TRANSACTION;
INSERT INTO "ApplicationFormVersions" ("CallId", "Stage", "Number", "Definition", "SavedAt", "SavedById")
SELECT c."Id", 'Full', 1, '{"sections":[{"key":"project","titleKorean":"\uC0AC\uC5C5 \uB0B4\uC6A9","titleEnglish":"The project","questions":[{"key":"objectives","type":"LongText","labelKorean":"\uC0AC\uC5C5 \uBAA9\uD45C","labelEnglish":"Objectives","helpKorean":"\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project sets out to achieve.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"activities","type":"LongText","labelKorean":"\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815","labelEnglish":"Activities and timeline","helpKorean":"\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project will do, and when.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"beneficiaries","type":"LongText","labelKorean":"\uC218\uD61C \uB300\uC0C1","labelEnglish":"Beneficiaries","helpKorean":"\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"Who benefits from the project.","required":true,"identifying":false,"minLength":null,"maxLength":4000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null}]}],"questions":[{"key":"objectives","type":"LongText","labelKorean":"\uC0AC\uC5C5 \uBAA9\uD45C","labelEnglish":"Objectives","helpKorean":"\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project sets out to achieve.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"activities","type":"LongText","labelKorean":"\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815","labelEnglish":"Activities and timeline","helpKorean":"\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project will do, and when.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"beneficiaries","type":"LongText","labelKorean":"\uC218\uD61C \uB300\uC0C1","labelEnglish":"Beneficiaries","helpKorean":"\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"Who benefits from the project.","required":true,"identifying":false,"minLength":null,"maxLength":4000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null}]}', c."OpensAt", ''
FROM "Calls" c
WHERE NOT EXISTS (SELECT 1 FROM "ApplicationFormVersions" v WHERE v."CallId" = c."Id" AND v."Stage" = 'Full');

UPDATE "Applications"
SET "FormVersionId" = (SELECT v."Id" FROM "ApplicationFormVersions" v WHERE v."CallId" = "Applications"."CallId" AND v."Stage" = 'Full' AND v."Number" = 1),
    "Answers" = json_object('objectives', "Objectives", 'activities', "Activities", 'beneficiaries', "Beneficiaries");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130222223_AnswersData', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "CallIndicators" ("CallId", "Order", "Key", "Kind", "NameKorean", "NameEnglish", "UnitKorean", "UnitEnglish")
SELECT c."Id", s."Order", s."Key", s."Kind", s."NameKorean", s."NameEnglish", s."UnitKorean", s."UnitEnglish"
FROM "Calls" c CROSS JOIN (
SELECT 1 AS "Order", 'participants' AS "Key", 'Output' AS "Kind", '참여자 수' AS "NameKorean", 'Participants' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish"
UNION ALL SELECT 2 AS "Order", 'beneficiaries' AS "Key", 'Outcome' AS "Kind", '수혜자 수' AS "NameKorean", 'Beneficiaries reached' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish"
UNION ALL SELECT 3 AS "Order", 'events_held' AS "Key", 'Output' AS "Kind", '행사 수' AS "NameKorean", 'Events' AS "NameEnglish", '회' AS "UnitKorean", 'events' AS "UnitEnglish"
UNION ALL SELECT 4 AS "Order", 'publications' AS "Key", 'Output' AS "Kind", '발간물 수' AS "NameKorean", 'Publications' AS "NameEnglish", '건' AS "UnitKorean", 'publications' AS "UnitEnglish"
UNION ALL SELECT 5 AS "Order", 'media_reach' AS "Key", 'Outcome' AS "Kind", '미디어 도달 규모' AS "NameKorean", 'Media reach' AS "NameEnglish", '명' AS "UnitKorean", 'people' AS "UnitEnglish") s
WHERE NOT EXISTS (SELECT 1 FROM "CallIndicators" i WHERE i."CallId" = c."Id" AND i."Key" = s."Key");

INSERT INTO "IndicatorActuals" ("ProjectReportId", "CallIndicatorId", "Actual", "Explanation")
SELECT r."Id", i."Id", CASE i."Key" WHEN 'participants' THEN r."Participants" WHEN 'beneficiaries' THEN r."Beneficiaries" WHEN 'events_held' THEN r."EventsHeld" WHEN 'publications' THEN r."Publications" WHEN 'media_reach' THEN r."MediaReach" END, NULL
FROM "ProjectReports" r
JOIN "Awards" a ON a."Id" = r."AwardId"
JOIN "CallIndicators" i ON i."CallId" = a."CallId"
WHERE i."Key" IN ('participants', 'beneficiaries', 'events_held', 'publications', 'media_reach')
AND NOT EXISTS (SELECT 1 FROM "IndicatorActuals" x WHERE x."ProjectReportId" = r."Id" AND x."CallIndicatorId" = i."Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261130222226_IndicatorsData', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Calls" ADD "ConceptNoteClosesAt" TEXT NULL;

ALTER TABLE "Applications" ADD "ConceptNoteId" INTEGER NULL;

ALTER TABLE "Applications" ADD "Shortlist" TEXT NULL;

ALTER TABLE "Applications" ADD "ShortlistReason" TEXT NULL;

ALTER TABLE "Applications" ADD "ShortlistedAt" TEXT NULL;

ALTER TABLE "Applications" ADD "ShortlistedById" TEXT NULL;

ALTER TABLE "Applications" ADD "Stage" TEXT NOT NULL DEFAULT 'Full';

CREATE TABLE "InformationRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_InformationRequests" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NOT NULL,
    "Message" TEXT NOT NULL,
    "QuestionKeys" TEXT NOT NULL,
    "DueOn" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "AnsweredAt" TEXT NULL,
    "AnsweredById" TEXT NULL,
    "Before" TEXT NOT NULL,
    "After" TEXT NOT NULL,
    CONSTRAINT "FK_InformationRequests_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Applications_ConceptNoteId" ON "Applications" ("ConceptNoteId");

CREATE INDEX "IX_InformationRequests_AnsweredAt_DueOn" ON "InformationRequests" ("AnsweredAt", "DueOn");

CREATE INDEX "IX_InformationRequests_ApplicationId_AnsweredAt" ON "InformationRequests" ("ApplicationId", "AnsweredAt");

CREATE TABLE "ef_temp_ProjectReports" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ProjectReports" PRIMARY KEY AUTOINCREMENT,
    "ActivitiesCarriedOut" TEXT NOT NULL,
    "AwardId" INTEGER NOT NULL,
    "DueOn" TEXT NOT NULL,
    "EventsAndPublications" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Lessons" TEXT NOT NULL,
    "OfficerComment" TEXT NULL,
    "Outcomes" TEXT NOT NULL,
    "ReviewedAt" TEXT NULL,
    "ReviewedById" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubmissionCount" INTEGER NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ProjectReports_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_ProjectReports" ("Id", "ActivitiesCarriedOut", "AwardId", "DueOn", "EventsAndPublications", "Kind", "Lessons", "OfficerComment", "Outcomes", "ReviewedAt", "ReviewedById", "Status", "SubmissionCount", "SubmittedAt", "Version")
SELECT "Id", "ActivitiesCarriedOut", "AwardId", "DueOn", "EventsAndPublications", "Kind", "Lessons", "OfficerComment", "Outcomes", "ReviewedAt", "ReviewedById", "Status", "SubmissionCount", "SubmittedAt", "Version"
FROM "ProjectReports";

CREATE TABLE "ef_temp_Applications" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Applications" PRIMARY KEY AUTOINCREMENT,
    "Answers" TEXT NOT NULL,
    "CallId" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "ConceptNoteId" INTEGER NULL,
    "CreatedAt" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "DeclarationAccepted" INTEGER NOT NULL,
    "EndDate" TEXT NULL,
    "FormVersionId" INTEGER NULL,
    "LastSavedAt" TEXT NOT NULL,
    "OrganizationId" INTEGER NOT NULL,
    "PanelDecision" TEXT NULL,
    "PanelNote" TEXT NULL,
    "ProjectTitle" TEXT NOT NULL,
    "ReceiptNumber" TEXT NULL,
    "RevisesId" INTEGER NULL,
    "Shortlist" TEXT NULL,
    "ShortlistReason" TEXT NULL,
    "ShortlistedAt" TEXT NULL,
    "ShortlistedById" TEXT NULL,
    "Stage" TEXT NOT NULL DEFAULT 'Full',
    "StartDate" TEXT NULL,
    "Status" TEXT NOT NULL,
    "SubmittedAt" TEXT NULL,
    "Summary" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "WithdrawalReason" TEXT NULL,
    "WithdrawnAt" TEXT NULL,
    CONSTRAINT "FK_Applications_ApplicationFormVersions_FormVersionId" FOREIGN KEY ("FormVersionId") REFERENCES "ApplicationFormVersions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Applications_ConceptNoteId" FOREIGN KEY ("ConceptNoteId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Applications_RevisesId" FOREIGN KEY ("RevisesId") REFERENCES "Applications" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Calls_CallId" FOREIGN KEY ("CallId") REFERENCES "Calls" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Applications_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Applications" ("Id", "Answers", "CallId", "Category", "ConceptNoteId", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "FormVersionId", "LastSavedAt", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "Shortlist", "ShortlistReason", "ShortlistedAt", "ShortlistedById", "Stage", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt")
SELECT "Id", "Answers", "CallId", "Category", "ConceptNoteId", "CreatedAt", "CreatedById", "DeclarationAccepted", "EndDate", "FormVersionId", "LastSavedAt", "OrganizationId", "PanelDecision", "PanelNote", "ProjectTitle", "ReceiptNumber", "RevisesId", "Shortlist", "ShortlistReason", "ShortlistedAt", "ShortlistedById", "Stage", "StartDate", "Status", "SubmittedAt", "Summary", "Version", "WithdrawalReason", "WithdrawnAt"
FROM "Applications";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "ProjectReports";

ALTER TABLE "ef_temp_ProjectReports" RENAME TO "ProjectReports";

DROP TABLE "Applications";

ALTER TABLE "ef_temp_Applications" RENAME TO "Applications";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_ProjectReports_AwardId_Kind" ON "ProjectReports" ("AwardId", "Kind");

CREATE INDEX "IX_ProjectReports_Status_DueOn" ON "ProjectReports" ("Status", "DueOn");

CREATE INDEX "IX_Applications_CallId_Status" ON "Applications" ("CallId", "Status");

CREATE INDEX "IX_Applications_ConceptNoteId" ON "Applications" ("ConceptNoteId");

CREATE INDEX "IX_Applications_FormVersionId" ON "Applications" ("FormVersionId");

CREATE INDEX "IX_Applications_OrganizationId_Status" ON "Applications" ("OrganizationId", "Status");

CREATE INDEX "IX_Applications_ProjectTitle" ON "Applications" ("ProjectTitle");

CREATE UNIQUE INDEX "IX_Applications_ReceiptNumber" ON "Applications" ("ReceiptNumber");

CREATE INDEX "IX_Applications_RevisesId" ON "Applications" ("RevisesId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201001408_ConfigurableCallsFeatures', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "AuditEvents" ADD "ChainHash" TEXT NULL;

ALTER TABLE "AuditEvents" ADD "ChainPosition" INTEGER NULL;

CREATE TABLE "AuditChainHeads" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditChainHeads" PRIMARY KEY,
    "Position" INTEGER NOT NULL,
    "Hash" TEXT NOT NULL,
    "LastEventId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL
);

INSERT INTO "AuditChainHeads" ("Id", "Hash", "LastEventId", "Position", "Version")
VALUES (1, '0000000000000000000000000000000000000000000000000000000000000000', 0, 0, 0);
SELECT changes();


CREATE UNIQUE INDEX "IX_AuditEvents_ChainPosition" ON "AuditEvents" ("ChainPosition");

CREATE INDEX "IX_Applications_Intake" ON "Applications" ("CallId", "Stage", "Status", "SubmittedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201021256_AuditChainIntakeIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "AspNetUsers" ADD "PersonalDataRemovedAt" TEXT NULL;

ALTER TABLE "Applications" ADD "PersonalDataRemovedAt" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201051222_PersonalDataRetention', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "BudgetVersions" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetVersions" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "Number" INTEGER NOT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "Activities" TEXT NULL,
    "CreatedAt" TEXT NOT NULL,
    "ChangeRequestId" INTEGER NULL,
    CONSTRAINT "FK_BudgetVersions_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChangeRequests" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ChangeRequests" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "FromBudgetLineId" INTEGER NULL,
    "ToBudgetLineId" INTEGER NULL,
    "Amount" INTEGER NOT NULL,
    "StartDate" TEXT NULL,
    "EndDate" TEXT NULL,
    "Activities" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "RequestedAt" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "RequestedByName" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedById" TEXT NULL,
    "DecisionReason" TEXT NULL,
    "ResultingVersion" INTEGER NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ChangeRequests_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "BudgetVersionLine" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BudgetVersionLine" PRIMARY KEY AUTOINCREMENT,
    "BudgetVersionId" INTEGER NOT NULL,
    "BudgetLineId" INTEGER NULL,
    "Order" INTEGER NOT NULL,
    "Category" TEXT NOT NULL,
    "Item" TEXT NOT NULL,
    "Amount" INTEGER NOT NULL,
    CONSTRAINT "FK_BudgetVersionLine_BudgetLines_BudgetLineId" FOREIGN KEY ("BudgetLineId") REFERENCES "BudgetLines" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_BudgetVersionLine_BudgetVersions_BudgetVersionId" FOREIGN KEY ("BudgetVersionId") REFERENCES "BudgetVersions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_BudgetVersionLine_BudgetLineId" ON "BudgetVersionLine" ("BudgetLineId");

CREATE INDEX "IX_BudgetVersionLine_BudgetVersionId" ON "BudgetVersionLine" ("BudgetVersionId");

CREATE UNIQUE INDEX "IX_BudgetVersions_AwardId_Number" ON "BudgetVersions" ("AwardId", "Number");

CREATE INDEX "IX_ChangeRequests_AwardId" ON "ChangeRequests" ("AwardId");

CREATE INDEX "IX_ChangeRequests_Status_RequestedAt" ON "ChangeRequests" ("Status", "RequestedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201053910_Issue15Changes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Payments" ADD "BankAccountId" INTEGER NULL;

ALTER TABLE "Calls" ADD "AwardConditionsEnglish" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Calls" ADD "AwardConditionsKorean" TEXT NOT NULL DEFAULT '';

ALTER TABLE "Attachments" ADD "BankAccountId" INTEGER NULL;

CREATE TABLE "BankAccounts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_BankAccounts" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "BankCode" TEXT NOT NULL,
    "AccountNumber" TEXT NOT NULL,
    "Holder" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "RegisteredAt" TEXT NOT NULL,
    "RegisteredById" TEXT NOT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedById" TEXT NULL,
    "RefusalReason" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_BankAccounts_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

CREATE TABLE "GrantAgreements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_GrantAgreements" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "ConditionsAcceptedAt" TEXT NULL,
    "ConditionsAcceptedById" TEXT NULL,
    "PledgeSignerName" TEXT NULL,
    "PledgeSignerPosition" TEXT NULL,
    "PledgeSignedAt" TEXT NULL,
    "PledgeSignedById" TEXT NULL,
    "SubmittedAt" TEXT NULL,
    "SubmittedById" TEXT NULL,
    "ReturnedAt" TEXT NULL,
    "ReturnedById" TEXT NULL,
    "ReturnReason" TEXT NULL,
    "DecidedAt" TEXT NULL,
    "DecidedById" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_GrantAgreements_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Payments_BankAccountId" ON "Payments" ("BankAccountId");

CREATE INDEX "IX_Attachments_BankAccountId" ON "Attachments" ("BankAccountId");

CREATE INDEX "IX_BankAccounts_AwardId_Status" ON "BankAccounts" ("AwardId", "Status");

CREATE UNIQUE INDEX "IX_GrantAgreements_AwardId" ON "GrantAgreements" ("AwardId");

CREATE INDEX "IX_GrantAgreements_Status" ON "GrantAgreements" ("Status");

CREATE TABLE "ef_temp_Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NULL,
    "BankAccountId" INTEGER NULL,
    "DisplayName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "ProjectReportId" INTEGER NULL,
    "QuestionKey" TEXT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "StoredName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    CONSTRAINT "FK_Attachments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_BankAccounts_BankAccountId" FOREIGN KEY ("BankAccountId") REFERENCES "BankAccounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id") ON DELETE CASCADE
);

INSERT INTO "ef_temp_Attachments" ("Id", "ApplicationId", "BankAccountId", "DisplayName", "Kind", "ProjectReportId", "QuestionKey", "Sha256", "SizeBytes", "StoredName", "UploadedAt", "UploadedById")
SELECT "Id", "ApplicationId", "BankAccountId", "DisplayName", "Kind", "ProjectReportId", "QuestionKey", "Sha256", "SizeBytes", "StoredName", "UploadedAt", "UploadedById"
FROM "Attachments";

CREATE TABLE "ef_temp_Payments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Payments" PRIMARY KEY AUTOINCREMENT,
    "Amount" INTEGER NOT NULL,
    "ApprovedAt" TEXT NULL,
    "ApprovedById" TEXT NULL,
    "AwardId" INTEGER NOT NULL,
    "BankAccountId" INTEGER NULL,
    "BankReference" TEXT NULL,
    "Note" TEXT NULL,
    "PaidOn" TEXT NULL,
    "RecordedAt" TEXT NOT NULL,
    "RecordedById" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "TrancheId" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Payments_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_BankAccounts_BankAccountId" FOREIGN KEY ("BankAccountId") REFERENCES "BankAccounts" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Payments_Tranches_TrancheId" FOREIGN KEY ("TrancheId") REFERENCES "Tranches" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Payments" ("Id", "Amount", "ApprovedAt", "ApprovedById", "AwardId", "BankAccountId", "BankReference", "Note", "PaidOn", "RecordedAt", "RecordedById", "Status", "TrancheId", "Version")
SELECT "Id", "Amount", "ApprovedAt", "ApprovedById", "AwardId", "BankAccountId", "BankReference", "Note", "PaidOn", "RecordedAt", "RecordedById", "Status", "TrancheId", "Version"
FROM "Payments";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Attachments";

ALTER TABLE "ef_temp_Attachments" RENAME TO "Attachments";

DROP TABLE "Payments";

ALTER TABLE "ef_temp_Payments" RENAME TO "Payments";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Attachments_ApplicationId" ON "Attachments" ("ApplicationId");

CREATE INDEX "IX_Attachments_BankAccountId" ON "Attachments" ("BankAccountId");

CREATE INDEX "IX_Attachments_ProjectReportId" ON "Attachments" ("ProjectReportId");

CREATE UNIQUE INDEX "IX_Attachments_StoredName" ON "Attachments" ("StoredName");

CREATE INDEX "IX_Payments_AwardId" ON "Payments" ("AwardId");

CREATE INDEX "IX_Payments_BankAccountId" ON "Payments" ("BankAccountId");

CREATE INDEX "IX_Payments_Status_RecordedAt" ON "Payments" ("Status", "RecordedAt");

CREATE INDEX "IX_Payments_TrancheId" ON "Payments" ("TrancheId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261201111149_Issue15Agreement', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "SpendingLines" ADD "IneligibleGrant" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "SpendingLines" ADD "IneligibleReason" TEXT NULL;

ALTER TABLE "SpendingLines" ADD "OwnSpent" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "ProjectReports" ADD "InterestEarned" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Awards" ADD "ClosedOn" TEXT NULL;

ALTER TABLE "Attachments" ADD "Evidence" TEXT NULL;

ALTER TABLE "Attachments" ADD "SpendingLineId" INTEGER NULL;

ALTER TABLE "Attachments" ADD "VerificationAwardId" INTEGER NULL;

CREATE TABLE "Settlements" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Settlements" PRIMARY KEY AUTOINCREMENT,
    "AwardId" INTEGER NOT NULL,
    "ProjectReportId" INTEGER NOT NULL,
    "GrantPaid" INTEGER NOT NULL,
    "ReturnedBefore" INTEGER NOT NULL,
    "EligibleGrantSpent" INTEGER NOT NULL,
    "Interest" INTEGER NOT NULL,
    "AmountToReturn" INTEGER NOT NULL,
    "VerificationRequired" INTEGER NOT NULL,
    "ConfirmedAt" TEXT NOT NULL,
    "ConfirmedById" TEXT NOT NULL,
    "ReturnStatus" TEXT NOT NULL,
    "ReturnReceivedOn" TEXT NULL,
    "ReturnReference" TEXT NULL,
    "ReturnRecordedById" TEXT NULL,
    "ReturnRecordedAt" TEXT NULL,
    "ReturnConfirmedById" TEXT NULL,
    "ReturnConfirmedAt" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Settlements_Awards_AwardId" FOREIGN KEY ("AwardId") REFERENCES "Awards" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Settlements_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id")
);

CREATE INDEX "IX_Attachments_SpendingLineId" ON "Attachments" ("SpendingLineId");

CREATE INDEX "IX_Attachments_VerificationAwardId" ON "Attachments" ("VerificationAwardId");

CREATE UNIQUE INDEX "IX_Settlements_AwardId" ON "Settlements" ("AwardId");

CREATE INDEX "IX_Settlements_ProjectReportId" ON "Settlements" ("ProjectReportId");

CREATE INDEX "IX_Settlements_ReturnStatus" ON "Settlements" ("ReturnStatus");

CREATE TABLE "ef_temp_Attachments" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Attachments" PRIMARY KEY AUTOINCREMENT,
    "ApplicationId" INTEGER NULL,
    "BankAccountId" INTEGER NULL,
    "DisplayName" TEXT NOT NULL,
    "Evidence" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "ProjectReportId" INTEGER NULL,
    "QuestionKey" TEXT NULL,
    "Sha256" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "SpendingLineId" INTEGER NULL,
    "StoredName" TEXT NOT NULL,
    "UploadedAt" TEXT NOT NULL,
    "UploadedById" TEXT NOT NULL,
    "VerificationAwardId" INTEGER NULL,
    CONSTRAINT "FK_Attachments_Applications_ApplicationId" FOREIGN KEY ("ApplicationId") REFERENCES "Applications" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_Awards_VerificationAwardId" FOREIGN KEY ("VerificationAwardId") REFERENCES "Awards" ("Id"),
    CONSTRAINT "FK_Attachments_BankAccounts_BankAccountId" FOREIGN KEY ("BankAccountId") REFERENCES "BankAccounts" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_ProjectReports_ProjectReportId" FOREIGN KEY ("ProjectReportId") REFERENCES "ProjectReports" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Attachments_SpendingLines_SpendingLineId" FOREIGN KEY ("SpendingLineId") REFERENCES "SpendingLines" ("Id")
);

INSERT INTO "ef_temp_Attachments" ("Id", "ApplicationId", "BankAccountId", "DisplayName", "Evidence", "Kind", "ProjectReportId", "QuestionKey", "Sha256", "SizeBytes", "SpendingLineId", "StoredName", "UploadedAt", "UploadedById", "VerificationAwardId")
SELECT "Id", "ApplicationId", "BankAccountId", "DisplayName", "Evidence", "Kind", "ProjectReportId", "QuestionKey", "Sha256", "SizeBytes", "SpendingLineId", "StoredName", "UploadedAt", "UploadedById", "VerificationAwardId"
FROM "Attachments";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Attachments";

ALTER TABLE "ef_temp_Attachments" RENAME TO "Attachments";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Attachments_ApplicationId" ON "Attachments" ("ApplicationId");

CREATE INDEX "IX_Attachments_BankAccountId" ON "Attachments" ("BankAccountId");

CREATE INDEX "IX_Attachments_ProjectReportId" ON "Attachments" ("ProjectReportId");

CREATE INDEX "IX_Attachments_SpendingLineId" ON "Attachments" ("SpendingLineId");

CREATE UNIQUE INDEX "IX_Attachments_StoredName" ON "Attachments" ("StoredName");

CREATE INDEX "IX_Attachments_VerificationAwardId" ON "Attachments" ("VerificationAwardId");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202011002_Issue15Settlement', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "CallAlerts" (
    "OrganizationId" INTEGER NOT NULL CONSTRAINT "PK_CallAlerts" PRIMARY KEY,
    "Followed" INTEGER NOT NULL,
    "ChangedById" TEXT NOT NULL,
    "ChangedAt" TEXT NOT NULL,
    CONSTRAINT "FK_CallAlerts_Organizations_OrganizationId" FOREIGN KEY ("OrganizationId") REFERENCES "Organizations" ("Id") ON DELETE CASCADE
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202152134_CallAlerts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SavedViews" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SavedViews" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "List" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Query" TEXT NOT NULL,
    "CreatedAt" TEXT NOT NULL
);

CREATE UNIQUE INDEX "IX_SavedViews_UserId_List_Name" ON "SavedViews" ("UserId", "List", "Name");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261202161406_SavedViews', '10.0.15');

COMMIT;

