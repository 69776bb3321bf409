using GrantPortal.Core.Data;
using GrantPortal.Core.Forms;

namespace GrantPortal.IntegrationTests.Data;

public sealed class AnswersDataMigrationTests
{
    /// <summary>
    /// The migration that moved the three fixed texts into answers gave every existing call the default form; it must
    /// be the very definition the portal writes, or those applications would answer something slightly different.
    /// </summary>
    [Fact]
    public void Existing_calls_get_exactly_the_default_form_on_every_provider()
    {
        var written = JsonColumns.Write(DefaultForm.Definition);

        Assert.Equal(GrantPortal.Migrations.Sqlite.Migrations.AnswersData.DefaultDefinition, written);
        Assert.Equal(GrantPortal.Migrations.PostgreSql.Migrations.AnswersData.DefaultDefinition, written);
        Assert.Equal(GrantPortal.Migrations.SqlServer.Migrations.AnswersData.DefaultDefinition, written);
        Assert.Equal(DefaultForm.Definition.Questions.Select(q => q.Key), JsonColumns.Read<FormDefinition>(written).Questions.Select(q => q.Key));
    }
}
