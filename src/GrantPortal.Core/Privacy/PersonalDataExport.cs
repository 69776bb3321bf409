using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using NodaTime.Text;

namespace GrantPortal.Core.Privacy;

/// <summary>A column that holds a person's account id, such as <c>Application.CreatedById</c> or <c>Review.ReviewerId</c>.</summary>
public sealed record PersonColumn(IEntityType Entity, IProperty Property)
{
    public string Name => $"{Entity.ClrType.Name}.{Property.Name}";
}

/// <summary>
/// Everything the portal holds about one person, as JSON, for a data-subject request (PIPA art. 35, GDPR art. 15):
/// the account and its sign-in settings (never a password hash or a two-factor secret), their organization, every
/// record that names them (<see cref="PersonColumns"/>: applications they wrote, files they uploaded, reviews, decisions,
/// payments, reminders), the audit events they caused or that are about their account, and the mail sent to them.
/// Administrators only; each export is recorded in the audit trail. Written as it is read, so a long trail never sits
/// in memory.
/// </summary>
public sealed class PersonalDataExport(
    IDbContextFactory<PortalDbContext> dbFactory,
    IClock clock,
    ILogger<PersonalDataExport> logger)
{
    /// <summary>Column names that hold an account id; a new one that names people differently belongs here.</summary>
    private static readonly HashSet<string> PersonColumnNames = new(["UserId", "ReviewerId", "RecipientId", "ActorId"], StringComparer.Ordinal);

    private static readonly MethodInfo WriteRowsMethod = typeof(PersonalDataExport).GetMethod(nameof(WriteRowsNamingAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// The portal's own columns that hold an account id: a string named <c>…ById</c>, <c>UserId</c>, <c>ReviewerId</c>,
    /// <c>RecipientId</c> or <c>ActorId</c>. Identity's own tables are exported as the account instead.
    /// </summary>
    public static IReadOnlyList<PersonColumn> PersonColumns(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.GetEntityTypes()
            .Where(t => !t.IsOwned() && t.ClrType != typeof(PortalUser) && t.ClrType.Namespace?.StartsWith("GrantPortal.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetProperties()
                .Where(p => p.ClrType == typeof(string) && !p.IsShadowProperty() && (p.Name.EndsWith("ById", StringComparison.Ordinal) || PersonColumnNames.Contains(p.Name)))
                .Select(p => new PersonColumn(t, p)))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the export to <paramref name="output"/>; false, with nothing written, for anyone but an administrator or an unknown person.</summary>
    public async Task<bool> WriteAsync(CurrentUser admin, string userId, Stream output, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(output);
        if (!admin.IsIn(Roles.Administrator))
        {
            return false;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, ct);
        if (user is null)
        {
            return false;
        }

        var now = clock.GetCurrentInstant();
        db.AuditEvents.Add(AuditEvent.Record(now, admin.AsActor(), AuditActions.PersonalDataExported, nameof(PortalUser), user.Id));
        await db.SaveChangesAsync(ct);
        logger.LogInformation("Administrator {AdminId} exported the personal data of {UserId}", admin.UserId, user.Id);

        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("exportedAt", InstantPattern.ExtendedIso.Format(now));
        json.WriteString("exportedBy", admin.UserId);
        await WriteAccountAsync(json, db, user, ct);
        await WriteOrganizationAsync(json, db, user, ct);

        json.WriteStartObject("records");
        foreach (var column in PersonColumns(db.Model))
        {
            json.WritePropertyName(column.Name);
            await (Task)WriteRowsMethod.MakeGenericMethod(column.Entity.ClrType).Invoke(null, [json, db, column.Entity, column.Property.Name, user.Id, ct])!;
            await json.FlushAsync(ct);
        }

        json.WriteEndObject();

        json.WritePropertyName("auditEventsAboutTheAccount");
        await WriteRowsAsync(json, db.Model.FindEntityType(typeof(AuditEvent))!,
            db.AuditEvents.AsNoTracking().Where(e => e.EntityType == nameof(PortalUser) && e.EntityId == user.Id).OrderBy(e => e.Id), ct);

        json.WritePropertyName("mailSentToThem");
        // Mail is addressed to the account's address as the account holds it.
        var address = user.Email ?? "";
        await WriteRowsAsync(json, db.Model.FindEntityType(typeof(OutboxMessage))!,
            db.OutboxMessages.AsNoTracking().Where(m => m.RecipientEmail == address).OrderBy(m => m.Id), ct);
        json.WriteEndObject();
        await json.FlushAsync(ct);
        return true;
    }

    private static async Task WriteAccountAsync(Utf8JsonWriter json, PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).OrderBy(n => n).ToListAsync(ct);
        var tokens = await db.UserTokens.Where(t => t.UserId == user.Id).Select(t => new { t.LoginProvider, t.Name, t.Value }).ToListAsync(ct);
        var logins = await db.UserLogins.Where(l => l.UserId == user.Id).Select(l => l.LoginProvider).ToListAsync(ct);
        var claims = await db.UserClaims.Where(c => c.UserId == user.Id).Select(c => new { c.ClaimType, c.ClaimValue }).ToListAsync(ct);
        var recoveryCodes = tokens.FirstOrDefault(t => t.Name == "RecoveryCodes")?.Value;

        json.WriteStartObject("account");
        json.WriteString("id", user.Id);
        json.WriteString("email", user.Email);
        json.WriteBoolean("emailConfirmed", user.EmailConfirmed);
        json.WriteString("displayName", user.DisplayName);
        json.WriteString("phoneNumber", user.PhoneNumber);
        json.WriteString("preferredLanguage", user.PreferredLanguage);
        json.WriteBoolean("optOutOfNonEssentialReminders", user.OptOutOfNonEssentialReminders);
        json.WritePropertyName("organizationId");
        WriteValue(json, user.OrganizationId);
        json.WriteString("createdAt", Format(user.CreatedAt));
        json.WriteString("removedAt", user.RemovedAt is { } removed ? Format(removed) : null);
        json.WriteString("personalDataRemovedAt", user.PersonalDataRemovedAt is { } anonymized ? Format(anonymized) : null);
        json.WriteStartArray("roles");
        roles.ForEach(json.WriteStringValue);
        json.WriteEndArray();

        // What protects the account, never the secrets themselves.
        json.WriteStartObject("signIn");
        json.WriteBoolean("hasPassword", user.PasswordHash is not null);
        json.WriteBoolean("twoFactorEnabled", user.TwoFactorEnabled);
        json.WriteBoolean("authenticatorAppRegistered", tokens.Any(t => t.Name == "AuthenticatorKey"));
        json.WriteNumber("recoveryCodesLeft", string.IsNullOrEmpty(recoveryCodes) ? 0 : recoveryCodes.Split(';').Length);
        json.WriteString("lockoutEnd", user.LockoutEnd?.ToString("O", CultureInfo.InvariantCulture));
        json.WriteNumber("failedSignInsSinceLastSuccess", user.AccessFailedCount);
        json.WriteStartArray("externalLogins");
        logins.ForEach(json.WriteStringValue);
        json.WriteEndArray();
        json.WriteEndObject();

        json.WriteStartArray("claims");
        foreach (var claim in claims)
        {
            json.WriteStartObject();
            json.WriteString("type", claim.ClaimType);
            json.WriteString("value", claim.ClaimValue);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>An organization member's organization: its contact person, representative and address may be them.</summary>
    private static async Task WriteOrganizationAsync(Utf8JsonWriter json, PortalDbContext db, PortalUser user, CancellationToken ct)
    {
        json.WritePropertyName("organization");
        if (user.OrganizationId is not { } organizationId)
        {
            json.WriteNullValue();
            return;
        }

        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == organizationId, ct);
        WriteRow(json, db.Model.FindEntityType(typeof(Organization))!, organization);
    }

    /// <summary>The rows of <typeparamref name="T"/> whose <paramref name="property"/> holds the person's id.</summary>
    private static Task WriteRowsNamingAsync<T>(Utf8JsonWriter json, PortalDbContext db, IEntityType entity, string property, string userId, CancellationToken ct)
        where T : class =>
        WriteRowsAsync(json, entity, db.Set<T>().AsNoTracking().Where(e => EF.Property<string>(e, property) == userId), ct);

    private static async Task WriteRowsAsync<T>(Utf8JsonWriter json, IEntityType entity, IQueryable<T> rows, CancellationToken ct)
        where T : class
    {
        json.WriteStartArray();
        await foreach (var row in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            WriteRow(json, entity, row);
            if (json.BytesPending > 64 * 1024)
            {
                await json.FlushAsync(ct);
            }
        }

        json.WriteEndArray();
    }

    /// <summary>A row as its mapped properties: the columns a database administrator would see, in the portal's own names.</summary>
    private static void WriteRow(Utf8JsonWriter json, IEntityType entity, object row)
    {
        json.WriteStartObject();
        foreach (var property in entity.GetProperties().Where(p => !p.IsShadowProperty()))
        {
            json.WritePropertyName(property.Name);
            WriteValue(json, property.GetGetter().GetClrValueUsingContainingEntity(row));
        }

        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case Krw amount:
                json.WriteNumberValue(amount.Won);
                break;
            case Enum member:
                json.WriteStringValue(member.ToString());
                break;
            case Instant instant:
                json.WriteStringValue(Format(instant));
                break;
            case LocalDate date:
                json.WriteStringValue(LocalDatePattern.Iso.Format(date));
                break;
            case IFormattable formattable when value is DateTimeOffset or Guid or LocalDateTime or Duration:
                json.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                // Answers, snapshots, rules: the JSON the column holds. Serialized apart, since serializing into the writer
                // would flush it synchronously into a response body, which Kestrel refuses.
                json.WriteRawValue(JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), JsonColumns.Options), skipInputValidation: true);
                break;
        }
    }

    private static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);
}
