IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AuditEvents] (
        [Id] bigint NOT NULL IDENTITY,
        [OccurredAt] datetime2 NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(256) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [EntityType] nvarchar(64) NOT NULL,
        [EntityId] nvarchar(64) NOT NULL,
        [Before] nvarchar(max) NULL,
        [After] nvarchar(max) NULL,
        [Reason] nvarchar(2000) NULL,
        CONSTRAINT [PK_AuditEvents] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [BudgetYears] (
        [Id] int NOT NULL IDENTITY,
        [Year] int NOT NULL,
        [Envelope] bigint NOT NULL,
        [Note] nvarchar(2000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_BudgetYears] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Organizations] (
        [Id] int NOT NULL IDENTITY,
        [Name] nvarchar(200) NOT NULL,
        [NameKorean] nvarchar(200) NOT NULL,
        [RegistrationNumber] nvarchar(20) NOT NULL,
        [Type] nvarchar(40) NOT NULL,
        [Representative] nvarchar(100) NOT NULL,
        [ContactName] nvarchar(100) NOT NULL,
        [ContactEmail] nvarchar(256) NOT NULL,
        [ContactPhone] nvarchar(40) NOT NULL,
        [Address] nvarchar(400) NOT NULL,
        [Website] nvarchar(400) NULL,
        [Verification] nvarchar(20) NOT NULL,
        [RejectionReason] nvarchar(2000) NULL,
        [VerifiedAt] datetime2 NULL,
        [VerifiedById] nvarchar(64) NULL,
        [RegisteredAt] datetime2 NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Organizations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Recommendations] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(32) NOT NULL,
        [SourceDocument] nvarchar(200) NOT NULL,
        [Paragraph] nvarchar(64) NOT NULL,
        [ShortTitleEnglish] nvarchar(300) NOT NULL,
        [ShortTitleKorean] nvarchar(300) NOT NULL,
        [TextEnglish] nvarchar(max) NOT NULL,
        [TextKorean] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_Recommendations] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [ReminderDeliveries] (
        [Id] bigint NOT NULL IDENTITY,
        [Key] nvarchar(300) NOT NULL,
        [Rule] nvarchar(40) NOT NULL,
        [ItemType] nvarchar(40) NOT NULL,
        [ItemId] int NOT NULL,
        [RecipientId] nvarchar(64) NOT NULL,
        [RecipientEmail] nvarchar(256) NOT NULL,
        [Deadline] datetime2 NOT NULL,
        [LeadTime] nvarchar(40) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(4000) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [SentAt] datetime2 NULL,
        CONSTRAINT [PK_ReminderDeliveries] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Calls] (
        [Id] int NOT NULL IDENTITY,
        [BudgetYearId] int NOT NULL,
        [Code] nvarchar(16) NOT NULL,
        [TitleEnglish] nvarchar(300) NOT NULL,
        [TitleKorean] nvarchar(300) NOT NULL,
        [DescriptionEnglish] nvarchar(max) NOT NULL,
        [DescriptionKorean] nvarchar(max) NOT NULL,
        [Categories] int NOT NULL,
        [Envelope] bigint NOT NULL,
        [MinimumRequest] bigint NOT NULL,
        [MaximumRequest] bigint NOT NULL,
        [OpensAt] datetime2 NOT NULL,
        [ClosesAt] datetime2 NOT NULL,
        [ReviewersPerApplication] int NOT NULL,
        [ReviewDueOn] date NOT NULL,
        [BlindReview] bit NOT NULL,
        [IsPublished] bit NOT NULL,
        [PublishedAt] datetime2 NULL,
        [FinalizedAt] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Calls] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Calls_BudgetYears_BudgetYearId] FOREIGN KEY ([BudgetYearId]) REFERENCES [BudgetYears] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [PreferredLanguage] nvarchar(8) NOT NULL,
        [OrganizationId] int NULL,
        [OptOutOfNonEssentialReminders] bit NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Applications] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [OrganizationId] int NOT NULL,
        [CreatedById] nvarchar(64) NOT NULL,
        [ProjectTitle] nvarchar(300) NOT NULL,
        [Summary] nvarchar(4000) NOT NULL,
        [Objectives] nvarchar(max) NOT NULL,
        [Activities] nvarchar(max) NOT NULL,
        [Beneficiaries] nvarchar(4000) NOT NULL,
        [StartDate] date NULL,
        [EndDate] date NULL,
        [Category] nvarchar(40) NOT NULL,
        [DeclarationAccepted] bit NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ReceiptNumber] nvarchar(32) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [LastSavedAt] datetime2 NOT NULL,
        [SubmittedAt] datetime2 NULL,
        [WithdrawnAt] datetime2 NULL,
        [WithdrawalReason] nvarchar(2000) NULL,
        [PanelDecision] nvarchar(20) NULL,
        [PanelNote] nvarchar(4000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Applications] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Applications_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Applications_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [CallRecommendations] (
        [CallId] int NOT NULL,
        [RecommendationId] int NOT NULL,
        CONSTRAINT [PK_CallRecommendations] PRIMARY KEY ([CallId], [RecommendationId]),
        CONSTRAINT [FK_CallRecommendations_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CallRecommendations_Recommendations_RecommendationId] FOREIGN KEY ([RecommendationId]) REFERENCES [Recommendations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [RubricCriteria] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [Order] int NOT NULL,
        [NameEnglish] nvarchar(200) NOT NULL,
        [NameKorean] nvarchar(200) NOT NULL,
        [DescriptionEnglish] nvarchar(2000) NOT NULL,
        [DescriptionKorean] nvarchar(2000) NOT NULL,
        [Weight] decimal(9,4) NOT NULL,
        [ScaleMinimum] int NOT NULL,
        [ScaleMaximum] int NOT NULL,
        CONSTRAINT [PK_RubricCriteria] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_RubricCriteria_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [ReviewerProfiles] (
        [UserId] nvarchar(450) NOT NULL,
        [Expertise] int NOT NULL,
        [Biography] nvarchar(4000) NULL,
        CONSTRAINT [PK_ReviewerProfiles] PRIMARY KEY ([UserId]),
        CONSTRAINT [FK_ReviewerProfiles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Awards] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [CallId] int NOT NULL,
        [OrganizationId] int NOT NULL,
        [Amount] bigint NOT NULL,
        [ReductionReason] nvarchar(2000) NULL,
        [Conditions] nvarchar(4000) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [AwardedAt] datetime2 NOT NULL,
        [AwardedById] nvarchar(64) NOT NULL,
        [CancelledAt] datetime2 NULL,
        [CancellationReason] nvarchar(2000) NULL,
        [ReturnedAmount] bigint NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Awards] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Awards_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Awards_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Awards_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [BudgetLines] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [Order] int NOT NULL,
        [Category] nvarchar(40) NOT NULL,
        [Item] nvarchar(300) NOT NULL,
        [Amount] bigint NOT NULL,
        [Justification] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_BudgetLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BudgetLines_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Conflicts] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [ReviewerId] nvarchar(450) NOT NULL,
        [Source] nvarchar(30) NOT NULL,
        [Reason] nvarchar(2000) NULL,
        [IsPinned] bit NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [RecordedById] nvarchar(64) NULL,
        [LiftedAt] datetime2 NULL,
        [LiftedById] nvarchar(64) NULL,
        [LiftReason] nvarchar(2000) NULL,
        CONSTRAINT [PK_Conflicts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Conflicts_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Conflicts_AspNetUsers_ReviewerId] FOREIGN KEY ([ReviewerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [ReviewAssignments] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [ReviewerId] nvarchar(450) NOT NULL,
        [AssignedAt] datetime2 NOT NULL,
        [AssignedById] nvarchar(64) NULL,
        [DueOn] date NOT NULL,
        [NoConflictDeclaredAt] datetime2 NULL,
        CONSTRAINT [PK_ReviewAssignments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReviewAssignments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ReviewAssignments_AspNetUsers_ReviewerId] FOREIGN KEY ([ReviewerId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [ReviewerAffiliations] (
        [Id] int NOT NULL IDENTITY,
        [ReviewerId] nvarchar(450) NOT NULL,
        [OrganizationId] int NULL,
        [OrganizationName] nvarchar(200) NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        CONSTRAINT [PK_ReviewerAffiliations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReviewerAffiliations_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_ReviewerAffiliations_ReviewerProfiles_ReviewerId] FOREIGN KEY ([ReviewerId]) REFERENCES [ReviewerProfiles] ([UserId]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [AwardRecommendations] (
        [AwardId] int NOT NULL,
        [RecommendationId] int NOT NULL,
        CONSTRAINT [PK_AwardRecommendations] PRIMARY KEY ([AwardId], [RecommendationId]),
        CONSTRAINT [FK_AwardRecommendations_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AwardRecommendations_Recommendations_RecommendationId] FOREIGN KEY ([RecommendationId]) REFERENCES [Recommendations] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [ProjectReports] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [DueOn] date NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ActivitiesCarriedOut] nvarchar(max) NOT NULL,
        [Outcomes] nvarchar(max) NOT NULL,
        [EventsAndPublications] nvarchar(max) NOT NULL,
        [Lessons] nvarchar(max) NOT NULL,
        [Participants] int NOT NULL,
        [Beneficiaries] int NOT NULL,
        [EventsHeld] int NOT NULL,
        [Publications] int NOT NULL,
        [MediaReach] bigint NOT NULL,
        [SubmittedAt] datetime2 NULL,
        [ReviewedAt] datetime2 NULL,
        [ReviewedById] nvarchar(64) NULL,
        [OfficerComment] nvarchar(4000) NULL,
        [SubmissionCount] int NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ProjectReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ProjectReports_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Reviews] (
        [Id] int NOT NULL IDENTITY,
        [AssignmentId] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [OverallComment] nvarchar(max) NOT NULL,
        [Recommendation] nvarchar(20) NULL,
        [SubmittedAt] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Reviews] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Reviews_ReviewAssignments_AssignmentId] FOREIGN KEY ([AssignmentId]) REFERENCES [ReviewAssignments] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Attachments] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NULL,
        [ProjectReportId] int NULL,
        [StoredName] nvarchar(64) NOT NULL,
        [DisplayName] nvarchar(255) NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [UploadedById] nvarchar(64) NOT NULL,
        [UploadedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_Attachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Attachments_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Attachments_ProjectReports_ProjectReportId] FOREIGN KEY ([ProjectReportId]) REFERENCES [ProjectReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [SpendingLines] (
        [Id] int NOT NULL IDENTITY,
        [ProjectReportId] int NOT NULL,
        [BudgetLineId] int NULL,
        [Category] nvarchar(40) NOT NULL,
        [Item] nvarchar(300) NOT NULL,
        [Budgeted] bigint NOT NULL,
        [Spent] bigint NOT NULL,
        [VarianceExplanation] nvarchar(2000) NULL,
        CONSTRAINT [PK_SpendingLines] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SpendingLines_BudgetLines_BudgetLineId] FOREIGN KEY ([BudgetLineId]) REFERENCES [BudgetLines] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SpendingLines_ProjectReports_ProjectReportId] FOREIGN KEY ([ProjectReportId]) REFERENCES [ProjectReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Tranches] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [Sequence] int NOT NULL,
        [Amount] bigint NOT NULL,
        [PlannedOn] date NOT NULL,
        [GatingReportId] int NULL,
        CONSTRAINT [PK_Tranches] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Tranches_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Tranches_ProjectReports_GatingReportId] FOREIGN KEY ([GatingReportId]) REFERENCES [ProjectReports] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [CriterionScores] (
        [Id] int NOT NULL IDENTITY,
        [ReviewId] int NOT NULL,
        [CriterionId] int NOT NULL,
        [Score] decimal(9,4) NOT NULL,
        [Comment] nvarchar(4000) NOT NULL,
        CONSTRAINT [PK_CriterionScores] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CriterionScores_Reviews_ReviewId] FOREIGN KEY ([ReviewId]) REFERENCES [Reviews] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_CriterionScores_RubricCriteria_CriterionId] FOREIGN KEY ([CriterionId]) REFERENCES [RubricCriteria] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE TABLE [Payments] (
        [Id] int NOT NULL IDENTITY,
        [TrancheId] int NOT NULL,
        [AwardId] int NOT NULL,
        [Amount] bigint NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [RecordedById] nvarchar(64) NOT NULL,
        [RecordedAt] datetime2 NOT NULL,
        [ApprovedById] nvarchar(64) NULL,
        [ApprovedAt] datetime2 NULL,
        [PaidOn] date NULL,
        [BankReference] nvarchar(100) NULL,
        [Note] nvarchar(2000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Payments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Payments_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Payments_Tranches_TrancheId] FOREIGN KEY ([TrancheId]) REFERENCES [Tranches] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_CallId_Status] ON [Applications] ([CallId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_OrganizationId_Status] ON [Applications] ([OrganizationId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Applications_ProjectTitle] ON [Applications] ([ProjectTitle]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Applications_ReceiptNumber] ON [Applications] ([ReceiptNumber]) WHERE [ReceiptNumber] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OrganizationId] ON [AspNetUsers] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_ApplicationId] ON [Attachments] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Attachments_ProjectReportId] ON [Attachments] ([ProjectReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Attachments_StoredName] ON [Attachments] ([StoredName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_ActorId] ON [AuditEvents] ([ActorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_EntityType_EntityId] ON [AuditEvents] ([EntityType], [EntityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AuditEvents_OccurredAt] ON [AuditEvents] ([OccurredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_AwardRecommendations_RecommendationId] ON [AwardRecommendations] ([RecommendationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Awards_ApplicationId] ON [Awards] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Awards_CallId_Status] ON [Awards] ([CallId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Awards_OrganizationId] ON [Awards] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_BudgetLines_ApplicationId] ON [BudgetLines] ([ApplicationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BudgetYears_Year] ON [BudgetYears] ([Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_CallRecommendations_RecommendationId] ON [CallRecommendations] ([RecommendationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Calls_BudgetYearId] ON [Calls] ([BudgetYearId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Calls_IsPublished_ClosesAt] ON [Calls] ([IsPublished], [ClosesAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Conflicts_ApplicationId_ReviewerId_Source] ON [Conflicts] ([ApplicationId], [ReviewerId], [Source]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Conflicts_ReviewerId] ON [Conflicts] ([ReviewerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_CriterionScores_CriterionId] ON [CriterionScores] ([CriterionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CriterionScores_ReviewId_CriterionId] ON [CriterionScores] ([ReviewId], [CriterionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Organizations_RegistrationNumber] ON [Organizations] ([RegistrationNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Payments_AwardId] ON [Payments] ([AwardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Payments_Status_RecordedAt] ON [Payments] ([Status], [RecordedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Payments_TrancheId] ON [Payments] ([TrancheId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ProjectReports_AwardId_Kind] ON [ProjectReports] ([AwardId], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ProjectReports_Status_DueOn] ON [ProjectReports] ([Status], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Recommendations_Code] ON [Recommendations] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReminderDeliveries_Key] ON [ReminderDeliveries] ([Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ReminderDeliveries_RecipientId] ON [ReminderDeliveries] ([RecipientId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ReminderDeliveries_Status_CreatedAt] ON [ReminderDeliveries] ([Status], [CreatedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReviewAssignments_ApplicationId_ReviewerId] ON [ReviewAssignments] ([ApplicationId], [ReviewerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ReviewAssignments_ReviewerId_DueOn] ON [ReviewAssignments] ([ReviewerId], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ReviewerAffiliations_OrganizationId] ON [ReviewerAffiliations] ([OrganizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_ReviewerAffiliations_ReviewerId] ON [ReviewerAffiliations] ([ReviewerId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Reviews_AssignmentId] ON [Reviews] ([AssignmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_RubricCriteria_CallId] ON [RubricCriteria] ([CallId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_SpendingLines_BudgetLineId] ON [SpendingLines] ([BudgetLineId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_SpendingLines_ProjectReportId] ON [SpendingLines] ([ProjectReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Tranches_AwardId_Sequence] ON [Tranches] ([AwardId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    CREATE INDEX [IX_Tranches_GatingReportId] ON [Tranches] ([GatingReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128000006_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128000006_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128003615_DataProtectionKeys'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128003615_DataProtectionKeys'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128003615_DataProtectionKeys', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128041348_Reminders'
)
BEGIN
    ALTER TABLE [ReminderDeliveries] ADD [ClaimedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128041348_Reminders'
)
BEGIN
    ALTER TABLE [ReminderDeliveries] ADD [ItemTitle] nvarchar(300) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128041348_Reminders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128041348_Reminders', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128132431_ApplicationRevisions'
)
BEGIN
    ALTER TABLE [Applications] ADD [RevisesId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128132431_ApplicationRevisions'
)
BEGIN
    CREATE INDEX [IX_Applications_RevisesId] ON [Applications] ([RevisesId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128132431_ApplicationRevisions'
)
BEGIN
    ALTER TABLE [Applications] ADD CONSTRAINT [FK_Applications_Applications_RevisesId] FOREIGN KEY ([RevisesId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128132431_ApplicationRevisions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128132431_ApplicationRevisions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130090536_SavedNarratives'
)
BEGIN
    CREATE TABLE [SavedNarratives] (
        [Id] int NOT NULL IDENTITY,
        [Code] nvarchar(32) NOT NULL,
        [FromYear] int NOT NULL,
        [ToYear] int NOT NULL,
        [Language] nvarchar(2) NOT NULL,
        [Heading] nvarchar(300) NOT NULL,
        [Text] nvarchar(max) NOT NULL,
        [SavedAt] datetime2 NOT NULL,
        [SavedById] nvarchar(64) NOT NULL,
        [SavedByName] nvarchar(200) NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_SavedNarratives] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130090536_SavedNarratives'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SavedNarratives_Code_FromYear_ToYear_Language] ON [SavedNarratives] ([Code], [FromYear], [ToYear], [Language]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130090536_SavedNarratives'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130090536_SavedNarratives', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130100854_MemberRemoval'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [RemovedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130100854_MemberRemoval'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130100854_MemberRemoval', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130155330_CallReceiptRequirement'
)
BEGIN
    ALTER TABLE [Calls] ADD [ReceiptsRequired] nvarchar(20) NOT NULL DEFAULT N'FinalReport';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130155330_CallReceiptRequirement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130155330_CallReceiptRequirement', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130192820_OutboxMessages'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] bigint NOT NULL IDENTITY,
        [Purpose] nvarchar(60) NOT NULL,
        [RecipientEmail] nvarchar(256) NOT NULL,
        [RecipientName] nvarchar(256) NOT NULL,
        [Language] nvarchar(10) NOT NULL,
        [Subject] nvarchar(1000) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [Attempts] int NOT NULL,
        [NextAttemptAt] datetime2 NOT NULL,
        [ClaimToken] uniqueidentifier NULL,
        [ClaimedAt] datetime2 NULL,
        [SentAt] datetime2 NULL,
        [LastError] nvarchar(4000) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130192820_OutboxMessages'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_ClaimToken] ON [OutboxMessages] ([ClaimToken]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130192820_OutboxMessages'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_Status_NextAttemptAt] ON [OutboxMessages] ([Status], [NextAttemptAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130192820_OutboxMessages'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130192820_OutboxMessages', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Organizations] ADD [FoundedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Calls] ADD [BudgetRules] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Calls] ADD [Eligibility] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [BudgetLines] ADD [IsOwnContribution] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Attachments] ADD [QuestionKey] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Applications] ADD [Answers] nvarchar(max) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Applications] ADD [FormVersionId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE TABLE [ApplicationFormVersions] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [Stage] nvarchar(20) NOT NULL,
        [Number] int NOT NULL,
        [Definition] nvarchar(max) NOT NULL,
        [SavedAt] datetime2 NOT NULL,
        [SavedById] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_ApplicationFormVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ApplicationFormVersions_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE TABLE [CallIndicators] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [Order] int NOT NULL,
        [Key] nvarchar(64) NOT NULL,
        [Kind] nvarchar(10) NOT NULL,
        [NameKorean] nvarchar(200) NOT NULL,
        [NameEnglish] nvarchar(200) NOT NULL,
        [UnitKorean] nvarchar(40) NOT NULL,
        [UnitEnglish] nvarchar(40) NOT NULL,
        CONSTRAINT [PK_CallIndicators] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CallIndicators_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE TABLE [EligibilityScreenOuts] (
        [Id] int NOT NULL IDENTITY,
        [CallId] int NOT NULL,
        [QuestionKey] nvarchar(64) NOT NULL,
        [At] datetime2 NOT NULL,
        CONSTRAINT [PK_EligibilityScreenOuts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EligibilityScreenOuts_Calls_CallId] FOREIGN KEY ([CallId]) REFERENCES [Calls] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE TABLE [IndicatorActuals] (
        [ProjectReportId] int NOT NULL,
        [CallIndicatorId] int NOT NULL,
        [Actual] bigint NOT NULL,
        [Explanation] nvarchar(2000) NULL,
        CONSTRAINT [PK_IndicatorActuals] PRIMARY KEY ([ProjectReportId], [CallIndicatorId]),
        CONSTRAINT [FK_IndicatorActuals_CallIndicators_CallIndicatorId] FOREIGN KEY ([CallIndicatorId]) REFERENCES [CallIndicators] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_IndicatorActuals_ProjectReports_ProjectReportId] FOREIGN KEY ([ProjectReportId]) REFERENCES [ProjectReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE TABLE [IndicatorTargets] (
        [ApplicationId] int NOT NULL,
        [CallIndicatorId] int NOT NULL,
        [Target] bigint NOT NULL,
        CONSTRAINT [PK_IndicatorTargets] PRIMARY KEY ([ApplicationId], [CallIndicatorId]),
        CONSTRAINT [FK_IndicatorTargets_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_IndicatorTargets_CallIndicators_CallIndicatorId] FOREIGN KEY ([CallIndicatorId]) REFERENCES [CallIndicators] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE INDEX [IX_Applications_FormVersionId] ON [Applications] ([FormVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ApplicationFormVersions_CallId_Stage_Number] ON [ApplicationFormVersions] ([CallId], [Stage], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CallIndicators_CallId_Key] ON [CallIndicators] ([CallId], [Key]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE INDEX [IX_EligibilityScreenOuts_CallId_QuestionKey] ON [EligibilityScreenOuts] ([CallId], [QuestionKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE INDEX [IX_IndicatorActuals_CallIndicatorId] ON [IndicatorActuals] ([CallIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    CREATE INDEX [IX_IndicatorTargets_CallIndicatorId] ON [IndicatorTargets] ([CallIndicatorId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    ALTER TABLE [Applications] ADD CONSTRAINT [FK_Applications_ApplicationFormVersions_FormVersionId] FOREIGN KEY ([FormVersionId]) REFERENCES [ApplicationFormVersions] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130221607_ConfigurableCalls'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130221607_ConfigurableCalls', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222254_AnswersData'
)
BEGIN
    INSERT INTO "ApplicationFormVersions" ("CallId", "Stage", "Number", "Definition", "SavedAt", "SavedById")
    SELECT c."Id", 'Full', 1, '{"sections":[{"key":"project","titleKorean":"\uC0AC\uC5C5 \uB0B4\uC6A9","titleEnglish":"The project","questions":[{"key":"objectives","type":"LongText","labelKorean":"\uC0AC\uC5C5 \uBAA9\uD45C","labelEnglish":"Objectives","helpKorean":"\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project sets out to achieve.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"activities","type":"LongText","labelKorean":"\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815","labelEnglish":"Activities and timeline","helpKorean":"\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project will do, and when.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"beneficiaries","type":"LongText","labelKorean":"\uC218\uD61C \uB300\uC0C1","labelEnglish":"Beneficiaries","helpKorean":"\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"Who benefits from the project.","required":true,"identifying":false,"minLength":null,"maxLength":4000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null}]}],"questions":[{"key":"objectives","type":"LongText","labelKorean":"\uC0AC\uC5C5 \uBAA9\uD45C","labelEnglish":"Objectives","helpKorean":"\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project sets out to achieve.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"activities","type":"LongText","labelKorean":"\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815","labelEnglish":"Activities and timeline","helpKorean":"\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"What the project will do, and when.","required":true,"identifying":false,"minLength":null,"maxLength":8000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null},{"key":"beneficiaries","type":"LongText","labelKorean":"\uC218\uD61C \uB300\uC0C1","labelEnglish":"Beneficiaries","helpKorean":"\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694.","helpEnglish":"Who benefits from the project.","required":true,"identifying":false,"minLength":null,"maxLength":4000,"minimum":null,"maximum":null,"unitKorean":"","unitEnglish":"","choices":[],"fileKinds":[],"maxFiles":1,"columns":[],"maxRows":20,"showWhen":null}]}', c."OpensAt", ''
    FROM "Calls" c
    WHERE NOT EXISTS (SELECT 1 FROM "ApplicationFormVersions" v WHERE v."CallId" = c."Id" AND v."Stage" = 'Full');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222254_AnswersData'
)
BEGIN
    UPDATE "Applications"
    SET "FormVersionId" = (SELECT v."Id" FROM "ApplicationFormVersions" v WHERE v."CallId" = "Applications"."CallId" AND v."Stage" = 'Full' AND v."Number" = 1),
        "Answers" = (SELECT "Objectives" AS "objectives", "Activities" AS "activities", "Beneficiaries" AS "beneficiaries" FOR JSON PATH, WITHOUT_ARRAY_WRAPPER);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222254_AnswersData'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130222254_AnswersData', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222303_IndicatorsData'
)
BEGIN
    INSERT INTO "CallIndicators" ("CallId", "Order", "Key", "Kind", "NameKorean", "NameEnglish", "UnitKorean", "UnitEnglish")
    SELECT c."Id", s."Order", s."Key", s."Kind", s."NameKorean", s."NameEnglish", s."UnitKorean", s."UnitEnglish"
    FROM "Calls" c CROSS JOIN (
    SELECT 1 AS "Order", 'participants' AS "Key", 'Output' AS "Kind", N'참여자 수' AS "NameKorean", 'Participants' AS "NameEnglish", N'명' AS "UnitKorean", 'people' AS "UnitEnglish"
    UNION ALL SELECT 2 AS "Order", 'beneficiaries' AS "Key", 'Outcome' AS "Kind", N'수혜자 수' AS "NameKorean", 'Beneficiaries reached' AS "NameEnglish", N'명' AS "UnitKorean", 'people' AS "UnitEnglish"
    UNION ALL SELECT 3 AS "Order", 'events_held' AS "Key", 'Output' AS "Kind", N'행사 수' AS "NameKorean", 'Events' AS "NameEnglish", N'회' AS "UnitKorean", 'events' AS "UnitEnglish"
    UNION ALL SELECT 4 AS "Order", 'publications' AS "Key", 'Output' AS "Kind", N'발간물 수' AS "NameKorean", 'Publications' AS "NameEnglish", N'건' AS "UnitKorean", 'publications' AS "UnitEnglish"
    UNION ALL SELECT 5 AS "Order", 'media_reach' AS "Key", 'Outcome' AS "Kind", N'미디어 도달 규모' AS "NameKorean", 'Media reach' AS "NameEnglish", N'명' AS "UnitKorean", 'people' AS "UnitEnglish") s
    WHERE NOT EXISTS (SELECT 1 FROM "CallIndicators" i WHERE i."CallId" = c."Id" AND i."Key" = s."Key");
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222303_IndicatorsData'
)
BEGIN
    INSERT INTO "IndicatorActuals" ("ProjectReportId", "CallIndicatorId", "Actual", "Explanation")
    SELECT r."Id", i."Id", CASE i."Key" WHEN 'participants' THEN r."Participants" WHEN 'beneficiaries' THEN r."Beneficiaries" WHEN 'events_held' THEN r."EventsHeld" WHEN 'publications' THEN r."Publications" WHEN 'media_reach' THEN r."MediaReach" END, NULL
    FROM "ProjectReports" r
    JOIN "Awards" a ON a."Id" = r."AwardId"
    JOIN "CallIndicators" i ON i."CallId" = a."CallId"
    WHERE i."Key" IN ('participants', 'beneficiaries', 'events_held', 'publications', 'media_reach')
    AND NOT EXISTS (SELECT 1 FROM "IndicatorActuals" x WHERE x."ProjectReportId" = r."Id" AND x."CallIndicatorId" = i."Id");
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130222303_IndicatorsData'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130222303_IndicatorsData', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ProjectReports]') AND [c].[name] = N'Beneficiaries');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [ProjectReports] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [ProjectReports] DROP COLUMN [Beneficiaries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var1 nvarchar(max);
    SELECT @var1 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ProjectReports]') AND [c].[name] = N'EventsHeld');
    IF @var1 IS NOT NULL EXEC(N'ALTER TABLE [ProjectReports] DROP CONSTRAINT ' + @var1 + ';');
    ALTER TABLE [ProjectReports] DROP COLUMN [EventsHeld];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var2 nvarchar(max);
    SELECT @var2 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ProjectReports]') AND [c].[name] = N'MediaReach');
    IF @var2 IS NOT NULL EXEC(N'ALTER TABLE [ProjectReports] DROP CONSTRAINT ' + @var2 + ';');
    ALTER TABLE [ProjectReports] DROP COLUMN [MediaReach];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var3 nvarchar(max);
    SELECT @var3 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ProjectReports]') AND [c].[name] = N'Participants');
    IF @var3 IS NOT NULL EXEC(N'ALTER TABLE [ProjectReports] DROP CONSTRAINT ' + @var3 + ';');
    ALTER TABLE [ProjectReports] DROP COLUMN [Participants];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var4 nvarchar(max);
    SELECT @var4 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[ProjectReports]') AND [c].[name] = N'Publications');
    IF @var4 IS NOT NULL EXEC(N'ALTER TABLE [ProjectReports] DROP CONSTRAINT ' + @var4 + ';');
    ALTER TABLE [ProjectReports] DROP COLUMN [Publications];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var5 nvarchar(max);
    SELECT @var5 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'Activities');
    IF @var5 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var5 + ';');
    ALTER TABLE [Applications] DROP COLUMN [Activities];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var6 nvarchar(max);
    SELECT @var6 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'Beneficiaries');
    IF @var6 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var6 + ';');
    ALTER TABLE [Applications] DROP COLUMN [Beneficiaries];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    DECLARE @var7 nvarchar(max);
    SELECT @var7 = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[Applications]') AND [c].[name] = N'Objectives');
    IF @var7 IS NOT NULL EXEC(N'ALTER TABLE [Applications] DROP CONSTRAINT ' + @var7 + ';');
    ALTER TABLE [Applications] DROP COLUMN [Objectives];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Calls] ADD [ConceptNoteClosesAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [ConceptNoteId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [Shortlist] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [ShortlistReason] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [ShortlistedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [ShortlistedById] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD [Stage] nvarchar(20) NOT NULL DEFAULT N'Full';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    CREATE TABLE [InformationRequests] (
        [Id] int NOT NULL IDENTITY,
        [ApplicationId] int NOT NULL,
        [Message] nvarchar(4000) NOT NULL,
        [QuestionKeys] nvarchar(max) NOT NULL,
        [DueOn] date NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [RequestedById] nvarchar(64) NOT NULL,
        [RequestedByName] nvarchar(200) NOT NULL,
        [AnsweredAt] datetime2 NULL,
        [AnsweredById] nvarchar(64) NULL,
        [Before] nvarchar(max) NOT NULL,
        [After] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_InformationRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InformationRequests_Applications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [Applications] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    CREATE INDEX [IX_Applications_ConceptNoteId] ON [Applications] ([ConceptNoteId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    CREATE INDEX [IX_InformationRequests_AnsweredAt_DueOn] ON [InformationRequests] ([AnsweredAt], [DueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    CREATE INDEX [IX_InformationRequests_ApplicationId_AnsweredAt] ON [InformationRequests] ([ApplicationId], [AnsweredAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    ALTER TABLE [Applications] ADD CONSTRAINT [FK_Applications_Applications_ConceptNoteId] FOREIGN KEY ([ConceptNoteId]) REFERENCES [Applications] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201001447_ConfigurableCallsFeatures'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201001447_ConfigurableCallsFeatures', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    ALTER TABLE [AuditEvents] ADD [ChainHash] nvarchar(64) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    ALTER TABLE [AuditEvents] ADD [ChainPosition] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    CREATE TABLE [AuditChainHeads] (
        [Id] int NOT NULL,
        [Position] bigint NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        [LastEventId] bigint NOT NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_AuditChainHeads] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Hash', N'LastEventId', N'Position', N'Version') AND [object_id] = OBJECT_ID(N'[AuditChainHeads]'))
        SET IDENTITY_INSERT [AuditChainHeads] ON;
    EXEC(N'INSERT INTO [AuditChainHeads] ([Id], [Hash], [LastEventId], [Position], [Version])
    VALUES (1, N''0000000000000000000000000000000000000000000000000000000000000000'', CAST(0 AS bigint), CAST(0 AS bigint), 0)');
    IF EXISTS (SELECT * FROM [sys].[identity_columns] WHERE [name] IN (N'Id', N'Hash', N'LastEventId', N'Position', N'Version') AND [object_id] = OBJECT_ID(N'[AuditChainHeads]'))
        SET IDENTITY_INSERT [AuditChainHeads] OFF;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_AuditEvents_ChainPosition] ON [AuditEvents] ([ChainPosition]) WHERE [ChainPosition] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    CREATE INDEX [IX_Applications_Intake] ON [Applications] ([CallId], [Stage], [Status], [SubmittedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201021357_AuditChainIntakeIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201021357_AuditChainIntakeIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201051230_PersonalDataRetention'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [PersonalDataRemovedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201051230_PersonalDataRetention'
)
BEGIN
    ALTER TABLE [Applications] ADD [PersonalDataRemovedAt] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201051230_PersonalDataRetention'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201051230_PersonalDataRetention', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE TABLE [BudgetVersions] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [Number] int NOT NULL,
        [StartDate] date NULL,
        [EndDate] date NULL,
        [Activities] nvarchar(4000) NULL,
        [CreatedAt] datetime2 NOT NULL,
        [ChangeRequestId] int NULL,
        CONSTRAINT [PK_BudgetVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BudgetVersions_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE TABLE [ChangeRequests] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [Kind] nvarchar(20) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [FromBudgetLineId] int NULL,
        [ToBudgetLineId] int NULL,
        [Amount] bigint NOT NULL,
        [StartDate] date NULL,
        [EndDate] date NULL,
        [Activities] nvarchar(4000) NULL,
        [Reason] nvarchar(2000) NOT NULL,
        [RequestedAt] datetime2 NOT NULL,
        [RequestedById] nvarchar(64) NOT NULL,
        [RequestedByName] nvarchar(200) NOT NULL,
        [DecidedAt] datetime2 NULL,
        [DecidedById] nvarchar(64) NULL,
        [DecisionReason] nvarchar(2000) NULL,
        [ResultingVersion] int NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ChangeRequests] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ChangeRequests_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE TABLE [BudgetVersionLine] (
        [Id] int NOT NULL IDENTITY,
        [BudgetVersionId] int NOT NULL,
        [BudgetLineId] int NULL,
        [Order] int NOT NULL,
        [Category] nvarchar(40) NOT NULL,
        [Item] nvarchar(300) NOT NULL,
        [Amount] bigint NOT NULL,
        CONSTRAINT [PK_BudgetVersionLine] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BudgetVersionLine_BudgetLines_BudgetLineId] FOREIGN KEY ([BudgetLineId]) REFERENCES [BudgetLines] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_BudgetVersionLine_BudgetVersions_BudgetVersionId] FOREIGN KEY ([BudgetVersionId]) REFERENCES [BudgetVersions] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE INDEX [IX_BudgetVersionLine_BudgetLineId] ON [BudgetVersionLine] ([BudgetLineId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE INDEX [IX_BudgetVersionLine_BudgetVersionId] ON [BudgetVersionLine] ([BudgetVersionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE UNIQUE INDEX [IX_BudgetVersions_AwardId_Number] ON [BudgetVersions] ([AwardId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE INDEX [IX_ChangeRequests_AwardId] ON [ChangeRequests] ([AwardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    CREATE INDEX [IX_ChangeRequests_Status_RequestedAt] ON [ChangeRequests] ([Status], [RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053958_Issue15Changes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201053958_Issue15Changes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Payments] ADD [BankAccountId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Calls] ADD [AwardConditionsEnglish] nvarchar(4000) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Calls] ADD [AwardConditionsKorean] nvarchar(4000) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Attachments] ADD [BankAccountId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE TABLE [BankAccounts] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [BankCode] nvarchar(3) NOT NULL,
        [AccountNumber] nvarchar(30) NOT NULL,
        [Holder] nvarchar(100) NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [RegisteredAt] datetime2 NOT NULL,
        [RegisteredById] nvarchar(64) NOT NULL,
        [DecidedAt] datetime2 NULL,
        [DecidedById] nvarchar(64) NULL,
        [RefusalReason] nvarchar(2000) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_BankAccounts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_BankAccounts_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE TABLE [GrantAgreements] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [Status] nvarchar(20) NOT NULL,
        [ConditionsAcceptedAt] datetime2 NULL,
        [ConditionsAcceptedById] nvarchar(64) NULL,
        [PledgeSignerName] nvarchar(100) NULL,
        [PledgeSignerPosition] nvarchar(100) NULL,
        [PledgeSignedAt] datetime2 NULL,
        [PledgeSignedById] nvarchar(64) NULL,
        [SubmittedAt] datetime2 NULL,
        [SubmittedById] nvarchar(64) NULL,
        [ReturnedAt] datetime2 NULL,
        [ReturnedById] nvarchar(64) NULL,
        [ReturnReason] nvarchar(2000) NULL,
        [DecidedAt] datetime2 NULL,
        [DecidedById] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_GrantAgreements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_GrantAgreements_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE INDEX [IX_Payments_BankAccountId] ON [Payments] ([BankAccountId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE INDEX [IX_Attachments_BankAccountId] ON [Attachments] ([BankAccountId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE INDEX [IX_BankAccounts_AwardId_Status] ON [BankAccounts] ([AwardId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE UNIQUE INDEX [IX_GrantAgreements_AwardId] ON [GrantAgreements] ([AwardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    CREATE INDEX [IX_GrantAgreements_Status] ON [GrantAgreements] ([Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Attachments] ADD CONSTRAINT [FK_Attachments_BankAccounts_BankAccountId] FOREIGN KEY ([BankAccountId]) REFERENCES [BankAccounts] ([Id]) ON DELETE CASCADE;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    ALTER TABLE [Payments] ADD CONSTRAINT [FK_Payments_BankAccounts_BankAccountId] FOREIGN KEY ([BankAccountId]) REFERENCES [BankAccounts] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111308_Issue15Agreement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201111308_Issue15Agreement', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [SpendingLines] ADD [IneligibleGrant] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [SpendingLines] ADD [IneligibleReason] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [SpendingLines] ADD [OwnSpent] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [ProjectReports] ADD [InterestEarned] bigint NOT NULL DEFAULT CAST(0 AS bigint);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Awards] ADD [ClosedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Attachments] ADD [Evidence] nvarchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Attachments] ADD [SpendingLineId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Attachments] ADD [VerificationAwardId] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE TABLE [Settlements] (
        [Id] int NOT NULL IDENTITY,
        [AwardId] int NOT NULL,
        [ProjectReportId] int NOT NULL,
        [GrantPaid] bigint NOT NULL,
        [ReturnedBefore] bigint NOT NULL,
        [EligibleGrantSpent] bigint NOT NULL,
        [Interest] bigint NOT NULL,
        [AmountToReturn] bigint NOT NULL,
        [VerificationRequired] bit NOT NULL,
        [ConfirmedAt] datetime2 NOT NULL,
        [ConfirmedById] nvarchar(64) NOT NULL,
        [ReturnStatus] nvarchar(20) NOT NULL,
        [ReturnReceivedOn] date NULL,
        [ReturnReference] nvarchar(100) NULL,
        [ReturnRecordedById] nvarchar(64) NULL,
        [ReturnRecordedAt] datetime2 NULL,
        [ReturnConfirmedById] nvarchar(64) NULL,
        [ReturnConfirmedAt] datetime2 NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Settlements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Settlements_Awards_AwardId] FOREIGN KEY ([AwardId]) REFERENCES [Awards] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_Settlements_ProjectReports_ProjectReportId] FOREIGN KEY ([ProjectReportId]) REFERENCES [ProjectReports] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE INDEX [IX_Attachments_SpendingLineId] ON [Attachments] ([SpendingLineId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE INDEX [IX_Attachments_VerificationAwardId] ON [Attachments] ([VerificationAwardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Settlements_AwardId] ON [Settlements] ([AwardId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE INDEX [IX_Settlements_ProjectReportId] ON [Settlements] ([ProjectReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    CREATE INDEX [IX_Settlements_ReturnStatus] ON [Settlements] ([ReturnStatus]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Attachments] ADD CONSTRAINT [FK_Attachments_Awards_VerificationAwardId] FOREIGN KEY ([VerificationAwardId]) REFERENCES [Awards] ([Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    ALTER TABLE [Attachments] ADD CONSTRAINT [FK_Attachments_SpendingLines_SpendingLineId] FOREIGN KEY ([SpendingLineId]) REFERENCES [SpendingLines] ([Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202011328_Issue15Settlement'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202011328_Issue15Settlement', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202152147_CallAlerts'
)
BEGIN
    CREATE TABLE [CallAlerts] (
        [OrganizationId] int NOT NULL,
        [Followed] int NOT NULL,
        [ChangedById] nvarchar(450) NOT NULL,
        [ChangedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_CallAlerts] PRIMARY KEY ([OrganizationId]),
        CONSTRAINT [FK_CallAlerts_Organizations_OrganizationId] FOREIGN KEY ([OrganizationId]) REFERENCES [Organizations] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202152147_CallAlerts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202152147_CallAlerts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202161456_SavedViews'
)
BEGIN
    CREATE TABLE [SavedViews] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [List] nvarchar(16) NOT NULL,
        [Name] nvarchar(80) NOT NULL,
        [Query] nvarchar(2000) NOT NULL,
        [CreatedAt] datetime2 NOT NULL,
        CONSTRAINT [PK_SavedViews] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202161456_SavedViews'
)
BEGIN
    CREATE UNIQUE INDEX [IX_SavedViews_UserId_List_Name] ON [SavedViews] ([UserId], [List], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202161456_SavedViews'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202161456_SavedViews', N'10.0.15');
END;

COMMIT;
GO

