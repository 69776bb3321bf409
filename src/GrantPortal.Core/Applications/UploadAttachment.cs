namespace GrantPortal.Core.Applications;

/// <summary>
/// An applicant attaches a file to their organization's draft, through the one upload pipeline: a general
/// attachment, or, with a question key, a file answering a file question of the form the draft answers (of the
/// kinds it accepts, up to its number of files).
/// </summary>
public sealed class UploadAttachment(IDbContextFactory<PortalDbContext> dbFactory, IStringLocalizer<Strings> localizer, UploadPipeline uploads)
{
    public async Task<Result<AttachmentView>> UploadAsync(CurrentUser user, int applicationId, string fileName, Stream content, string? questionKey = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        FileQuestionSlot? slot = null;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.FindOwnedAsync(user, applicationId, ct) is not { } application)
            {
                return Result.NotFound();
            }

            if (questionKey is not null)
            {
                var formVersionId = await db.Applications.Where(a => a.Id == applicationId).Select(a => a.FormVersionId).SingleAsync(ct);
                if ((await FormVersions.DefinitionOfAsync(db, formVersionId, ct)).Find(questionKey) is not { Type: QuestionType.File } question)
                {
                    return Result.Refused(localizer["Answers_NoSuchFileQuestion"]);
                }

                slot = new FileQuestionSlot(question.Key, question.Label(Languages.Current), question.FileKinds, question.MaxFiles);
            }

            // A submitted application takes files only while a request for more information reopens its attachments
            // (or, for a file question, that question).
            if (application.Status != ApplicationStatus.Draft && await InformationRequestRules.FilesLockedAsync(db, applicationId, questionKey, localizer, ct) is { } locked)
            {
                return Result.Refused(locked);
            }
        }

        // The pipeline checks the draft again under its row lock: a submission (or a resubmission) may land while the file streams in.
        return await uploads.StoreAsync(user, UploadOwner.ForApplication(applicationId, questionKey), fileName, content, ct, slot);
    }
}
