using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantPortal.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Objectives, activities and beneficiaries leave the application's own columns and become answers to the default
    /// form: every call gets version 1 of its full form (the default definition, as JsonColumns writes it), every
    /// application answers it, and its three texts move into its answers (SQLite's json_object builds the JSON).
    /// </summary>
    public partial class AnswersData : Migration
    {
        /// <summary>DefaultForm.Definition as JsonColumns.Write wrote it when this migration was made; a test keeps them equal.</summary>
        public const string DefaultDefinition = @"{""sections"":[{""key"":""project"",""titleKorean"":""\uC0AC\uC5C5 \uB0B4\uC6A9"",""titleEnglish"":""The project"",""questions"":[{""key"":""objectives"",""type"":""LongText"",""labelKorean"":""\uC0AC\uC5C5 \uBAA9\uD45C"",""labelEnglish"":""Objectives"",""helpKorean"":""\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""What the project sets out to achieve."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":8000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null},{""key"":""activities"",""type"":""LongText"",""labelKorean"":""\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815"",""labelEnglish"":""Activities and timeline"",""helpKorean"":""\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""What the project will do, and when."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":8000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null},{""key"":""beneficiaries"",""type"":""LongText"",""labelKorean"":""\uC218\uD61C \uB300\uC0C1"",""labelEnglish"":""Beneficiaries"",""helpKorean"":""\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""Who benefits from the project."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":4000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null}]}],""questions"":[{""key"":""objectives"",""type"":""LongText"",""labelKorean"":""\uC0AC\uC5C5 \uBAA9\uD45C"",""labelEnglish"":""Objectives"",""helpKorean"":""\uC774 \uC0AC\uC5C5\uC73C\uB85C \uC774\uB8E8\uB824\uB294 \uAC83\uC744 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""What the project sets out to achieve."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":8000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null},{""key"":""activities"",""type"":""LongText"",""labelKorean"":""\uC138\uBD80 \uD65C\uB3D9 \uBC0F \uC77C\uC815"",""labelEnglish"":""Activities and timeline"",""helpKorean"":""\uC5B8\uC81C, \uBB34\uC5C7\uC744 \uD558\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""What the project will do, and when."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":8000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null},{""key"":""beneficiaries"",""type"":""LongText"",""labelKorean"":""\uC218\uD61C \uB300\uC0C1"",""labelEnglish"":""Beneficiaries"",""helpKorean"":""\uB204\uAC00 \uC774 \uC0AC\uC5C5\uC758 \uD61C\uD0DD\uC744 \uBC1B\uB294\uC9C0 \uC801\uC5B4 \uC8FC\uC138\uC694."",""helpEnglish"":""Who benefits from the project."",""required"":true,""identifying"":false,""minLength"":null,""maxLength"":4000,""minimum"":null,""maximum"":null,""unitKorean"":"""",""unitEnglish"":"""",""choices"":[],""fileKinds"":[],""maxFiles"":1,""columns"":[],""maxRows"":20,""showWhen"":null}]}";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"INSERT INTO ""ApplicationFormVersions"" (""CallId"", ""Stage"", ""Number"", ""Definition"", ""SavedAt"", ""SavedById"")
SELECT c.""Id"", 'Full', 1, '" + DefaultDefinition + @"', c.""OpensAt"", ''
FROM ""Calls"" c
WHERE NOT EXISTS (SELECT 1 FROM ""ApplicationFormVersions"" v WHERE v.""CallId"" = c.""Id"" AND v.""Stage"" = 'Full');");
            migrationBuilder.Sql(@"UPDATE ""Applications""
SET ""FormVersionId"" = (SELECT v.""Id"" FROM ""ApplicationFormVersions"" v WHERE v.""CallId"" = ""Applications"".""CallId"" AND v.""Stage"" = 'Full' AND v.""Number"" = 1),
    ""Answers"" = json_object('objectives', ""Objectives"", 'activities', ""Activities"", 'beneficiaries', ""Beneficiaries"");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
