namespace GrantPortal.Core.Kernel;

/// <summary>How a use case ended, as the person who asked needs to hear it.</summary>
public enum Outcome
{
    /// <summary>The change is saved (or the question answered).</summary>
    Done,

    /// <summary>The record does not exist, or it is not the asker's to see: both read the same.</summary>
    NotFound,

    /// <summary>Fields of the form are wrong; <see cref="IUseCaseResult.Errors"/> names each.</summary>
    Invalid,

    /// <summary>A rule of the grant cycle forbids it now; <see cref="IUseCaseResult.Message"/> says which.</summary>
    Refused,

    /// <summary>Someone else changed the record since it was read; reload and try again.</summary>
    Conflict,
}

/// <summary>What every use case answers: the outcome, a message, the field errors, and (for <see cref="Result{T}"/>) a value.</summary>
public interface IUseCaseResult
{
    Outcome Outcome { get; }

    /// <summary>For a refusal or a conflict, why; for a done result, a notice worth showing (or null).</summary>
    string? Message { get; }

    IReadOnlyList<FieldError> Errors { get; }

    bool Succeeded { get; }
}

/// <summary>The answer of a use case that has nothing to hand back but its outcome.</summary>
public sealed record Result(Outcome Outcome, string? Message, IReadOnlyList<FieldError> Errors) : IUseCaseResult
{
    private static readonly Result DoneResult = new(Outcome.Done, null, []);
    private static readonly Result NotFoundResult = new(Outcome.NotFound, null, []);

    public bool Succeeded => Outcome == Outcome.Done;

    public static Result Done() => DoneResult;

    /// <summary>Done, with a notice worth showing (the mail could not be sent, what a cancellation returned).</summary>
    public static Result DoneWithNotice(string notice) => new(Outcome.Done, notice, []);

    public static Result<T> Done<T>(T value, string? notice = null) => new(Outcome.Done, value, notice, []);

    public static Result NotFound() => NotFoundResult;

    public static Result Refused(string message) => new(Outcome.Refused, message, []);

    public static Result Conflict(string message) => new(Outcome.Conflict, message, []);

    public static Result Invalid(IReadOnlyList<FieldError> errors) => new(Outcome.Invalid, null, errors);

    /// <summary>One wrong field; its message is also the result's, for pages that show one sentence rather than marks.</summary>
    public static Result Invalid(string field, string message) => new(Outcome.Invalid, message, [new FieldError(field, message)]);

    /// <summary>This failure, handing back a value the caller still needs (the record's current version after a conflict).</summary>
    public Result<T> With<T>(T value) => new(Outcome, value, Message, Errors);
}

/// <summary>The answer of a use case that hands back a value when it is done (a new record's id, the saved version, ...).</summary>
public sealed record Result<T>(Outcome Outcome, T? Value, string? Message, IReadOnlyList<FieldError> Errors) : IUseCaseResult
{
    public bool Succeeded => Outcome == Outcome.Done;

    /// <summary>A failure reads the same whatever value a success would have carried.</summary>
    public static implicit operator Result<T>(Result failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Succeeded
            ? throw new InvalidOperationException("A done result carries a value: use Result.Done(value).")
            : new Result<T>(failure.Outcome, default, failure.Message, failure.Errors);
    }
}
