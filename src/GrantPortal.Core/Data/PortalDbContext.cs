using GrantPortal.Core.Recommendations;
using GrantPortal.Core.Reviews;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace GrantPortal.Core.Data;

public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and token keys, shared by every portal instance on this database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organization> Organizations => Set<Organization>();

    public DbSet<CallAlerts> CallAlerts => Set<CallAlerts>();

    public DbSet<BudgetYear> BudgetYears => Set<BudgetYear>();

    public DbSet<Call> Calls => Set<Call>();

    public DbSet<RubricCriterion> RubricCriteria => Set<RubricCriterion>();

    public DbSet<Application> Applications => Set<Application>();

    public DbSet<BudgetLine> BudgetLines => Set<BudgetLine>();

    public DbSet<Attachment> Attachments => Set<Attachment>();

    public DbSet<ReviewerProfile> ReviewerProfiles => Set<ReviewerProfile>();

    public DbSet<ReviewerAffiliation> ReviewerAffiliations => Set<ReviewerAffiliation>();

    public DbSet<ConflictOfInterest> Conflicts => Set<ConflictOfInterest>();

    public DbSet<ReviewAssignment> ReviewAssignments => Set<ReviewAssignment>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<CriterionScore> CriterionScores => Set<CriterionScore>();

    public DbSet<Award> Awards => Set<Award>();

    public DbSet<Tranche> Tranches => Set<Tranche>();

    public DbSet<Payment> Payments => Set<Payment>();

    public DbSet<ProjectReport> ProjectReports => Set<ProjectReport>();

    public DbSet<SpendingLine> SpendingLines => Set<SpendingLine>();

    public DbSet<Recommendation> Recommendations => Set<Recommendation>();

    public DbSet<CallRecommendation> CallRecommendations => Set<CallRecommendation>();

    public DbSet<AwardRecommendation> AwardRecommendations => Set<AwardRecommendation>();

    public DbSet<SavedNarrative> SavedNarratives => Set<SavedNarrative>();

    public DbSet<ReminderDelivery> ReminderDeliveries => Set<ReminderDelivery>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();

    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();

    public DbSet<ApplicationFormVersion> ApplicationFormVersions => Set<ApplicationFormVersion>();

    public DbSet<EligibilityScreenOut> EligibilityScreenOuts => Set<EligibilityScreenOut>();

    public DbSet<CallIndicator> CallIndicators => Set<CallIndicator>();

    public DbSet<IndicatorTarget> IndicatorTargets => Set<IndicatorTarget>();

    public DbSet<IndicatorActual> IndicatorActuals => Set<IndicatorActual>();

    public DbSet<InformationRequest> InformationRequests => Set<InformationRequest>();

    public DbSet<BudgetVersion> BudgetVersions => Set<BudgetVersion>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    public DbSet<GrantAgreement> GrantAgreements => Set<GrantAgreement>();

    public DbSet<BankAccount> BankAccounts => Set<BankAccount>();

    public DbSet<Settlement> Settlements => Set<Settlement>();

    public DbSet<Lists.SavedView> SavedViews => Set<Lists.SavedView>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(PortalDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<Krw>().HaveConversion<KrwConverter>();

        // PostgreSQL maps NodaTime natively through UseNodaTime(); the others store BCL types.
        if (!Database.IsNpgsql())
        {
            configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
            configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>A save added mail to the outbox; the commit that makes it durable wakes the sender (<see cref="OutboxWakeUp"/>).</summary>
    internal bool QueuedMail { get; set; }

    /// <summary>A save recorded audit events; the commit that makes them durable wakes the sealer (<see cref="OutboxWakeUp"/>).</summary>
    internal bool RecordedAudit { get; set; }

    private void PrepareForSave()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is OutboxMessage && entry.State == EntityState.Added)
            {
                QueuedMail = true;
            }

            if (entry.Entity is AuditEvent && entry.State == EntityState.Added)
            {
                RecordedAudit = true;
            }

            if (entry.Entity is AuditEvent && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("Audit events are append-only: they cannot be changed or deleted.");
            }

            if (entry.Entity is IVersioned versioned && entry.State == EntityState.Modified)
            {
                // The original value stays the concurrency check; the new value is what the next save must match.
                versioned.Version++;
            }
        }
    }
}
