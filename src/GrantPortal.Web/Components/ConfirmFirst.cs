namespace GrantPortal.Web.Components;

/// <summary>
/// A step Core answers with "confirm first": nothing changed, and the result's message asks ("3 of 4 reviews are
/// missing ... Record the panel decision anyway?"). The person is asked that question, and the step is sent again,
/// confirmed, only when they say yes; otherwise the unconfirmed answer comes back.
/// </summary>
public static class ConfirmFirst
{
    public static async Task<Result<T>> SendConfirmingAsync<T>(
        this IDialogService dialogs,
        Func<bool, Task<Result<T>>> send,
        Func<T, bool> needsConfirmation,
        string title,
        string yesText,
        string cancelText)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(needsConfirmation);
        var result = await send(false);
        if (result.Value is not { } value || !needsConfirmation(value))
        {
            return result;
        }

        var confirmed = await dialogs.ShowMessageBoxAsync(title, result.Message ?? "", yesText: yesText, cancelText: cancelText);
        return confirmed == true ? await send(true) : result;
    }
}
