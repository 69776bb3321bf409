using MimeKit;

namespace GrantPortal.IntegrationTests.Infrastructure;

/// <summary>The mail a test host wrote to its pickup directory, read back as a mail client would.</summary>
internal static class Mail
{
    public static async Task<List<MimeMessage>> ReadAllAsync(string pickupDirectory)
    {
        var messages = new List<MimeMessage>();
        var files = Directory.Exists(pickupDirectory) ? Directory.GetFiles(pickupDirectory, "*.eml") : [];
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            messages.Add(await MimeMessage.LoadAsync(file));
        }

        return messages;
    }

    public static async Task<List<MimeMessage>> ToAsync(string pickupDirectory, string address) =>
        (await ReadAllAsync(pickupDirectory)).Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
}
